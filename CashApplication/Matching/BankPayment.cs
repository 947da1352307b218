using O2C.CashApplication.Camt;
using O2C.CashApplication.References;

namespace O2C.CashApplication.Matching;

/// <summary>
/// One payment to match: an entry of a statement, or one transfer of a batch entry. <see cref="PaymentKey"/> is the entry's
/// idempotency key, with <c>/n</c> appended for the n-th transfer of a split batch.
/// </summary>
public sealed record BankPayment(
    string PaymentKey,
    decimal Amount,
    string Currency,
    CreditDebit Direction,
    bool IsReversal,
    DateOnly? BookingDate,
    IReadOnlyList<CreditorReference> References,
    IReadOnlyList<string> ReferredDocuments,
    string RemittanceText,
    string? EndToEndId,
    string? DebtorName,
    string? DebtorIban)
{
    /// <summary>
    /// The payments in an entry. A batch entry is split into its transfers when each carries its own amount and together they
    /// make the entry's amount (a collective credit of several payers); otherwise the entry is one payment, its texts and
    /// references pooled, its payer the one all transfers agree on.
    /// </summary>
    public static IReadOnlyList<BankPayment> FromEntry(StatementEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var transactions = entry.Transactions;
        if (transactions.Count > 1 && transactions.All(t => t.Amount is not null) && transactions.Sum(t => t.Amount!.Value) == entry.Amount)
        {
            return [.. transactions.Select((t, i) => From(entry, $"{entry.EntryKey}/{i + 1}", t.Amount!.Value, [t]))];
        }

        return [From(entry, entry.EntryKey, entry.Amount, transactions)];
    }

    private static BankPayment From(StatementEntry entry, string key, decimal amount, IReadOnlyList<EntryTransaction> transactions)
    {
        var text = string.Join(' ', transactions.Select(t => t.RemittanceText).Append(transactions.Count == 0 ? entry.AdditionalInfo : null)
            .Where(t => !string.IsNullOrWhiteSpace(t)));
        return new BankPayment(
            key,
            amount,
            entry.Currency,
            entry.Direction,
            entry.IsReversal,
            entry.BookingDate ?? entry.ValueDate,
            [.. transactions.SelectMany(t => t.CreditorReferences)],
            [.. transactions.SelectMany(t => t.ReferredDocuments)],
            text,
            Single(transactions.Select(t => t.EndToEndId)),
            Single(transactions.Select(t => t.DebtorName ?? t.UltimateDebtorName)),
            Single(transactions.Select(t => t.DebtorIban)));
    }

    // The value every transfer agrees on; none when they disagree, since then the entry names no single payer.
    private static string? Single(IEnumerable<string?> values)
    {
        var distinct = values.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Take(2).ToList();
        return distinct.Count == 1 ? distinct[0] : null;
    }
}
