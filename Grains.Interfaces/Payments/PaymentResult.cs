namespace O2C.Grains.Interfaces.Payments;

public sealed record PaymentResult(
    string PaymentId,
    PaymentStatus Status,
    string? MatchedBy,
    IReadOnlyList<PaymentAllocationResult> Allocations,
    decimal Unallocated,
    bool Duplicate = false,
    bool Conflict = false);
