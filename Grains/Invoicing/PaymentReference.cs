using System.Security.Cryptography;
using System.Text;

namespace O2C.Grains.Invoicing;

/// <summary>
/// ISO 11649 structured creditor reference ("RF" reference) for an invoice.
/// Format: "RF" + two check digits + the reference body (1..21 characters A-Z, 0-9), written
/// without spaces. The check digits make "RF" + digits + body, rearranged as body + "RF" + digits
/// with letters mapped A=10..Z=35, leave remainder 1 modulo 97 (the IBAN scheme), so banks and
/// our matcher can reject a mistyped reference.
/// The body is the invoice id upper-cased with everything but letters and digits removed; an id
/// that is still longer than 21 characters (a GUID, say) is replaced by a 21-character base-36
/// digest of its SHA-256, which is just as stable but no longer readable.
/// </summary>
public static class PaymentReference
{
    private const int MaxBodyLength = 21;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static string Create(string invoiceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceId);
        var body = Body(invoiceId);
        var check = 98 - Mod97(body + "RF00");
        return $"RF{check:00}{body}";
    }

    /// <summary>Accepts the printed form too: any case, spaces anywhere.</summary>
    public static bool IsValid(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return false;
        }

        var compact = Normalize(reference);
        if (compact.Length < 5 || compact.Length > 4 + MaxBodyLength || !compact.StartsWith("RF", StringComparison.Ordinal))
        {
            return false;
        }

        if (!char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]) || !compact.All(IsAsciiAlphanumeric))
        {
            return false;
        }

        return Mod97(compact[4..] + compact[..4]) == 1;
    }

    /// <summary>Upper case without whitespace: the form references are compared in.</summary>
    public static string Normalize(string reference) =>
        string.Concat(reference.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>Groups of four, the way ISO 11649 asks references to be printed.</summary>
    public static string Format(string reference)
    {
        var compact = Normalize(reference);
        return string.Join(' ', compact.Chunk(4).Select(c => new string(c)));
    }

    private static string Body(string invoiceId)
    {
        var body = string.Concat(invoiceId.ToUpperInvariant().Where(IsAsciiAlphanumeric));
        if (body.Length is > 0 and <= MaxBodyLength)
        {
            return body;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(invoiceId));
        var value = new System.Numerics.BigInteger(hash, isUnsigned: true);
        var digest = new StringBuilder(MaxBodyLength);
        for (var i = 0; i < MaxBodyLength; i++)
        {
            digest.Append(Alphabet[(int)(value % 36)]);
            value /= 36;
        }

        return digest.ToString();
    }

    private static bool IsAsciiAlphanumeric(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c);

    // Digit by digit so the number never has to fit in a machine integer.
    private static int Mod97(string text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return remainder;
    }
}
