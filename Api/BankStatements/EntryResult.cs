using O2C.CashApplication.Matching;
using O2C.Grains.Interfaces.Payments;

namespace O2C.Api.BankStatements;

/// <summary>
/// One payment of a statement entry as the import answered it, and as <c>bank_entries.result</c> keeps it: a split batch
/// entry has one per transfer (<see cref="Part"/> 1..n), any other entry one (part 0). <see cref="Rule"/> and
/// <see cref="Confidence"/> say how it matched (for a queued one, the best guess), <see cref="Candidates"/> what a collector
/// may choose from. <see cref="Duplicate"/>: imported before, this is the stored result and nothing changed.
/// </summary>
public sealed record EntryResult(
    string PaymentId,
    string EntryKey,
    int Part,
    string StatementKey,
    int Index,
    EntryStatus Status,
    decimal? Amount,
    string? Currency,
    string? Direction,
    DateOnly? BookingDate,
    string? DebtorName,
    string? DebtorIban,
    string? Rule,
    int Confidence,
    IReadOnlyList<PaymentAllocationResult> Allocations,
    decimal Unallocated,
    IReadOnlyList<MatchCandidate> Candidates,
    string Explanation,
    bool Duplicate = false)
{
    /// <summary>The key of the payment within its entry, as <c>BankPayment.PaymentKey</c> writes it.</summary>
    public string PaymentKey => Part == 0 ? EntryKey : $"{EntryKey}/{Part}";
}
