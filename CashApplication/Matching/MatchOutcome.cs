namespace O2C.CashApplication.Matching;

public enum MatchOutcome
{
    /// <summary>Confident enough to book without a person: the allocations are to be applied.</summary>
    Applied,

    /// <summary>Below the threshold, ambiguous or nothing found: to the unmatched queue, with the candidates a collector needs.</summary>
    Queued,

    /// <summary>Not an incoming payment (a debit or a reversal): kept on record, never matched to invoices.</summary>
    Ignored,
}
