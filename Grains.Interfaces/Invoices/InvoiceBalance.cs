namespace O2C.Grains.Interfaces.Invoices;

/// <summary>An invoice's amounts after a change; <see cref="DaysLate"/> is set when it was paid in full after its due date.</summary>
public sealed record InvoiceBalance(string InvoiceId, decimal Total, decimal Outstanding, DateOnly DueDate, DateOnly? PaidOn, int? DaysLate);
