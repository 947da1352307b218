namespace O2C.CashApplication.Matching;

/// <summary>What one rule would do with a payment: shares of it on invoices (by snapshot index), or only candidates when it cannot choose.</summary>
internal sealed record Proposal(
    MatchRule Rule,
    int Confidence,
    string? DebtorId,
    IReadOnlyList<(int Item, decimal Amount)> Shares,
    IReadOnlyList<int> Candidates,
    string Explanation)
{
    public static Proposal Ambiguous(MatchRule rule, int confidence, IEnumerable<int> candidates, string explanation) =>
        new(rule, confidence, null, [], [.. candidates.Distinct()], explanation);
}
