namespace O2C.Grains.Interfaces.Payments;

/// <summary>
/// An invoice a queued payment might be for, as the queue shows it: the same fields the cash matcher's candidates have, so
/// a JSON payment and a statement payment look alike to a collector.
/// </summary>
[GenerateSerializer, Immutable, Alias("o2c.payment-candidate")]
public sealed record PaymentCandidate(
    [Id(0)] string InvoiceId,
    [Id(1)] string InvoiceNumber,
    [Id(2)] string DebtorId,
    [Id(3)] decimal OpenAmount,
    [Id(4)] DateOnly DueDate,
    [Id(5)] decimal ProposedAmount,
    [Id(6)] string Reason);
