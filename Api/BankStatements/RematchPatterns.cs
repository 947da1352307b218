using O2C.CashApplication.References;

namespace O2C.Api.BankStatements;

/// <summary>
/// The SQL LIKE patterns (upper case) that find queued statement payments naming newly issued invoices: the invoice number
/// as written, its runs of five or more digits (payers drop prefixes and separators), and its structured reference.
/// A number with a typo is not found this way; such a payment is found when its payer is known for the invoice's debtor.
/// </summary>
public static class RematchPatterns
{
    public const int MinDigits = 5;

    public static IReadOnlyList<string> For(IEnumerable<IssuedInvoice> invoices)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        var patterns = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var invoice in invoices)
        {
            patterns.Add(Contains(invoice.InvoiceId.ToUpperInvariant()));
            foreach (var digits in DigitRuns(invoice.InvoiceId).Where(d => d.Length >= MinDigits))
            {
                patterns.Add(Contains(digits));
            }

            if (!string.IsNullOrWhiteSpace(invoice.PaymentReference))
            {
                patterns.Add(Contains(CreditorReference.Parse(invoice.PaymentReference).Value));
            }
        }

        return [.. patterns];
    }

    private static IEnumerable<string> DigitRuns(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var digit = i < text.Length && char.IsAsciiDigit(text[i]);
            if (digit && start < 0)
            {
                start = i;
            }
            else if (!digit && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    private static string Contains(string text) =>
        $"%{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
}
