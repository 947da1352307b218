namespace O2C.Grains.Payments;

/// <summary>A payment as the bank reports it; every identifying field but amount and currency may be missing.</summary>
public sealed record IncomingPayment(
    decimal Amount,
    string Currency,
    string? InvoiceId,
    string? Reference,
    string? CustomerId,
    string? PayerName);
