namespace O2C.CashApplication.Matching;

/// <summary>How bold the matcher may be. Defaults fit a team that wants the unmatched queue short but never wrong.</summary>
public sealed record MatchingOptions
{
    /// <summary>The confidence (0-100) from which a match is applied without a person; below it the payment is queued.</summary>
    public int ApplyThreshold { get; init; } = 80;

    /// <summary>
    /// The bound on the one-to-many search: only the debtor's oldest this-many open invoices (in the payment's currency) are
    /// combined, every subset of two or more of them: 12 gives at most 4,083 sums per payment.
    /// </summary>
    public int MaxInvoicesToCombine { get; init; } = 12;

    /// <summary>How many candidates a queued payment carries at most.</summary>
    public int MaxCandidates { get; init; } = 10;

    public static MatchingOptions Default { get; } = new();

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ApplyThreshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ApplyThreshold, 101);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInvoicesToCombine, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxInvoicesToCombine, 20);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCandidates, 1);
    }
}
