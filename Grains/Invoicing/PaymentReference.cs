using System.Security.Cryptography;
using System.Text;

namespace O2C.Grains.Invoicing;

/// <summary>
/// ISO 11649 structured creditor reference ("RF" reference) for an invoice.
/// Format: "RF" + two check digits + the reference body (1..21 characters A-Z, 0-9), written
/// without spaces. The check digits make "RF" + digits + body, rearranged as body + "RF" + digits
/// with letters mapped A=10..Z=35, leave remainder 1 modulo 97 (the IBAN scheme), so banks and
/// our matcher can reject a mistyped reference.
/// The body is the invoice id itself where that is lossless: an id of capital letters and digits
/// (the readable "INV-" of our invoice ids dropped), at most 21 characters. Any other id (lower
/// case, punctuation, too long) gets a 21-character base-36 digest of the SHA-256 of its exact
/// spelling, stable but no longer readable (see <see cref="Body"/> for why).
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

    /// <summary>
    /// Distinct invoice ids must never share a reference: the invoices table keeps references unique,
    /// and a payment quoting one must reach one invoice. Upper-casing the id and dropping its
    /// punctuation, as references were made until issue 13, made "INV-W1-11-2" and "INV-W11-1-2" both
    /// INVW1112, and the second invoice was refused. Now only the spellings that map one to one keep
    /// their readable body, the same body as before, so references already printed and stored read
    /// the same: "INV-" + capitals and digits (body "INV..."), and capitals and digits alone that do
    /// not start with INV (so they can never meet the first kind). Every other id is digested from its
    /// exact spelling, as long ids always were; a digest meeting another body would take a SHA-256
    /// collision. Invoices stored before this change with a now-digested id keep the reference they
    /// were issued with (it is in their state and row, beside the invoice id it was made from). Such an
    /// old reference can still meet a new readable one ("INV-abc" then, "INV-ABC" now): the database
    /// refuses that one invoice, and the API reports it as that order's failure, not as a 500.
    /// </summary>
    private static string Body(string invoiceId)
    {
        const string prefix = "INV-";
        if (invoiceId.StartsWith(prefix, StringComparison.Ordinal) && IsReadable(invoiceId[prefix.Length..], MaxBodyLength - 3))
        {
            return "INV" + invoiceId[prefix.Length..];
        }

        if (IsReadable(invoiceId, MaxBodyLength) && !invoiceId.StartsWith("INV", StringComparison.Ordinal))
        {
            return invoiceId;
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

    private static bool IsReadable(string text, int maxLength) => text.Length > 0 && text.Length <= maxLength && text.All(IsAsciiAlphanumeric);

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
