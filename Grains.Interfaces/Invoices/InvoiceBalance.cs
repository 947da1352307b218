namespace O2C.Grains.Interfaces.Invoices;

/// <summary>An invoice's amounts after a change; <see cref="DaysLate"/> is set when it was paid in full after its due date.</summary>
[GenerateSerializer, Immutable, Alias("o2c.invoice-balance")]
public sealed record InvoiceBalance([Id(0)] string InvoiceId, [Id(1)] decimal Total, [Id(2)] decimal Outstanding, [Id(3)] DateOnly DueDate, [Id(4)] DateOnly? PaidOn, [Id(5)] int? DaysLate);
