namespace O2C.CashApplication.References;

/// <summary>
/// A structured creditor reference as the payer sent it, recognised and checked. <see cref="Value"/> is the compact form
/// references are compared in: upper case, no spaces, no OGM slashes or plus signs.
/// </summary>
/// <remarks>
/// What is supported, honestly: ISO 11649 RF (mod 97), Belgian OGM/VCS (mod 97 of ten digits), Swiss QR/ISR references
/// (27 digits, or the 16-digit ISR form, recursive mod 10). Germany has no national structured reference with check digits:
/// German banks carry RF references or free text, and anything else arrives as <see cref="ReferenceScheme.Unknown"/> and can
/// only be compared as written. Finnish, Norwegian KID and Danish FIK references are not recognised yet.
/// </remarks>
public sealed record CreditorReference(ReferenceScheme Scheme, string Value, CheckDigitStatus Check, string Raw)
{
    public bool IsVerified => Check == CheckDigitStatus.Verified;

    /// <summary>
    /// Recognises <paramref name="raw"/>, using the hints a camt.053 <c>CdtrRefInf</c> gives: its type (<c>SCOR</c>, or a
    /// proprietary code like <c>QRR</c>, <c>ISR Reference</c>) and its issuer (<c>BBA</c> for Belgian OGM). Tolerant of spaces
    /// and case; never throws for a bad reference, it reports it as <see cref="CheckDigitStatus.Failed"/>.
    /// </summary>
    public static CreditorReference Parse(string raw, string? type = null, string? issuer = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var compact = string.Concat(raw.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

        if (compact.StartsWith("RF", StringComparison.Ordinal) && compact.Length >= 3 && char.IsAsciiDigit(compact[2]))
        {
            return new(ReferenceScheme.Iso11649, compact, CheckIso11649(compact), raw);
        }

        if (LooksLikeOgm(compact, issuer) is { } ogmDigits)
        {
            return new(ReferenceScheme.BelgianOgm, ogmDigits, CheckOgm(ogmDigits), raw);
        }

        if (IsSwissType(type))
        {
            return new(ReferenceScheme.SwissQr, compact, CheckSwiss(compact), raw);
        }

        return new(ReferenceScheme.Unknown, compact, CheckDigitStatus.NotCheckable, raw);
    }

    /// <summary>The printed form ISO 11649 asks for: groups of four, e.g. "RF18 5390 0754 7034".</summary>
    public static string Format(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var compact = string.Concat(reference.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        return string.Join(' ', compact.Chunk(4).Select(c => new string(c)));
    }

    /// <summary>Builds an ISO 11649 reference for a body of 1 to 21 letters and digits (spaces and case ignored).</summary>
    public static string CreateIso11649(string body)
    {
        var compact = string.Concat(body.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
        if (compact.Length is 0 or > 21)
        {
            throw new ArgumentException("An RF reference body has 1 to 21 letters and digits.", nameof(body));
        }

        return $"RF{98 - CheckDigits.Mod97(compact + "RF00"):00}{compact}";
    }

    /// <summary>Builds a Belgian OGM in its printed form for a base of up to ten digits.</summary>
    public static string CreateBelgianOgm(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 9_999_999_999L);
        var digits = number.ToString("0000000000", System.Globalization.CultureInfo.InvariantCulture);
        var all = digits + CheckDigits.BelgianOgm(digits).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        return $"+++{all[..3]}/{all[3..7]}/{all[7..]}+++";
    }

    /// <summary>Builds a 27-digit Swiss QR reference for up to 26 digits of our own (left-padded with zeros).</summary>
    public static string CreateSwissQr(string digits)
    {
        if (digits.Length is 0 or > 26 || !digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A QR reference carries 1 to 26 digits before its check digit.", nameof(digits));
        }

        var body = digits.PadLeft(26, '0');
        return body + CheckDigits.SwissMod10(body).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static CheckDigitStatus CheckIso11649(string compact)
    {
        // RF + two check digits + 1..21 letters or digits; the rearranged number leaves 1 modulo 97.
        if (compact.Length is < 5 or > 25 || !char.IsAsciiDigit(compact[3]) || !compact.All(char.IsAsciiLetterOrDigit))
        {
            return CheckDigitStatus.Failed;
        }

        return CheckDigits.Mod97(string.Concat(compact.AsSpan(4), compact.AsSpan(0, 4))) == 1
            ? CheckDigitStatus.Verified
            : CheckDigitStatus.Failed;
    }

    // The printed "+++123/4567/89002+++" (or with asterisks) is an OGM whatever the issuer says; bare digits only when the
    // bank marks the issuer as BBA (the Belgian bankers' association), because twelve bare digits could be anything.
    private static string? LooksLikeOgm(string compact, string? issuer)
    {
        var trimmed = compact.Trim('+', '*');
        var framed = trimmed.Length < compact.Length && compact.Length - trimmed.Length == 6;
        if (framed || string.Equals(issuer?.Trim(), "BBA", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed.Replace("/", string.Empty, StringComparison.Ordinal);
        }

        return null;
    }

    private static CheckDigitStatus CheckOgm(string digits) =>
        digits.Length == 12 && digits.All(char.IsAsciiDigit) && CheckDigits.BelgianOgm(digits.AsSpan(0, 10)) == int.Parse(digits.AsSpan(10), System.Globalization.CultureInfo.InvariantCulture)
            ? CheckDigitStatus.Verified
            : CheckDigitStatus.Failed;

    private static bool IsSwissType(string? type) =>
        type is not null && (type.Trim().Equals("QRR", StringComparison.OrdinalIgnoreCase)
            || type.Contains("ISR", StringComparison.OrdinalIgnoreCase)
            || type.Contains("ESR", StringComparison.OrdinalIgnoreCase));

    // 27 digits (QR, ISR) or 16 (the short ISR form), the last one the recursive mod 10 check digit of the rest.
    private static CheckDigitStatus CheckSwiss(string compact) =>
        compact.Length is 27 or 16 && compact.All(char.IsAsciiDigit) && CheckDigits.SwissMod10(compact.AsSpan(0, compact.Length - 1)) == compact[^1] - '0'
            ? CheckDigitStatus.Verified
            : CheckDigitStatus.Failed;
}
