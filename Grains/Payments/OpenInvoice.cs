namespace O2C.Grains.Payments;

/// <summary>An invoice a payment could pay.</summary>
public sealed record OpenInvoice(
    string InvoiceId,
    string CustomerId,
    string PaymentReference,
    string Currency,
    decimal Outstanding,
    DateOnly DueDate);
