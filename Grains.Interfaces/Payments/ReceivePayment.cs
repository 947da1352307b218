namespace O2C.Grains.Interfaces.Payments;

/// <summary>An incoming payment (already validated).</summary>
public sealed record ReceivePayment(
    string PaymentId,
    decimal Amount,
    string Currency,
    DateTimeOffset ReceivedAt,
    string? InvoiceId,
    string? Reference,
    string? CustomerId,
    string? PayerName);
