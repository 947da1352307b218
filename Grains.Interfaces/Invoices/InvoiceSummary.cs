namespace O2C.Grains.Interfaces.Invoices;

public sealed record InvoiceSummary(
    string InvoiceId,
    string CustomerId,
    string Currency,
    DateOnly IssueDate,
    DateOnly DueDate,
    decimal Total,
    decimal Paid,
    decimal Outstanding,
    InvoiceStatus Status,
    string PaymentReference);
