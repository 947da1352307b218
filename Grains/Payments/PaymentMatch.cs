namespace O2C.Grains.Payments;

/// <summary>How a payment is applied. <see cref="Unallocated"/> above zero is an overpayment, or the whole payment when unmatched.</summary>
public sealed record PaymentMatch(MatchedBy MatchedBy, IReadOnlyList<PaymentAllocation> Allocations, decimal Unallocated)
{
    public bool IsMatched => MatchedBy != MatchedBy.Unmatched;

    public decimal Allocated => Allocations.Sum(a => a.Amount);
}
