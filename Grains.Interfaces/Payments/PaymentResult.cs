namespace O2C.Grains.Interfaces.Payments;

[GenerateSerializer, Immutable, Alias("o2c.payment-result")]
public sealed record PaymentResult(
    [Id(0)] string PaymentId,
    [Id(1)] PaymentStatus Status,
    [Id(2)] string? MatchedBy,
    [Id(3)] IReadOnlyList<PaymentAllocationResult> Allocations,
    [Id(4)] decimal Unallocated,
    [Id(5)] bool Duplicate = false,
    [Id(6)] bool Conflict = false);
