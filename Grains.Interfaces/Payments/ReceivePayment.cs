namespace O2C.Grains.Interfaces.Payments;

/// <summary>An incoming payment (already validated).</summary>
[GenerateSerializer, Immutable, Alias("o2c.receive-payment")]
public sealed record ReceivePayment(
    [Id(0)] string PaymentId,
    [Id(1)] decimal Amount,
    [Id(2)] string Currency,
    [Id(3)] DateTimeOffset ReceivedAt,
    [Id(4)] string? InvoiceId,
    [Id(5)] string? Reference,
    [Id(6)] string? CustomerId,
    [Id(7)] string? PayerName);
