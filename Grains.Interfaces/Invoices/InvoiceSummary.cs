namespace O2C.Grains.Interfaces.Invoices;

[GenerateSerializer, Immutable, Alias("o2c.invoice-summary")]
public sealed record InvoiceSummary(
    [Id(0)] string InvoiceId,
    [Id(1)] string CustomerId,
    [Id(2)] string Currency,
    [Id(3)] DateOnly IssueDate,
    [Id(4)] DateOnly DueDate,
    [Id(5)] decimal Total,
    [Id(6)] decimal Paid,
    [Id(7)] decimal Outstanding,
    [Id(8)] InvoiceStatus Status,
    [Id(9)] string PaymentReference);
