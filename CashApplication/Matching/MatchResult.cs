namespace O2C.CashApplication.Matching;

/// <summary>
/// What the matcher decided for one payment and why. <see cref="Allocations"/> is filled only when <see cref="Outcome"/>
/// is <see cref="MatchOutcome.Applied"/>; a queued payment carries its <see cref="Candidates"/> instead, so nothing below
/// the threshold can be booked by mistake. <see cref="Trail"/> lists what every rule saw, for the collector and the audit.
/// </summary>
public sealed record MatchResult(
    string PaymentKey,
    MatchOutcome Outcome,
    MatchRule Rule,
    int Confidence,
    string? DebtorId,
    IReadOnlyList<InvoiceAllocation> Allocations,
    decimal Unallocated,
    IReadOnlyList<MatchCandidate> Candidates,
    string Explanation,
    IReadOnlyList<string> Trail)
{
    public decimal Allocated => Allocations.Sum(a => a.Amount);

    /// <summary>Applied, with money left over: more than the invoices were owed (a refund, or a later allocation by hand).</summary>
    public bool IsOverpayment => Outcome == MatchOutcome.Applied && Unallocated > 0m;

    /// <summary>Applied, and at least one invoice is still not paid in full.</summary>
    public bool IsPartialPayment => Outcome == MatchOutcome.Applied && Allocations.Any(a => !a.SettlesInvoice);
}
