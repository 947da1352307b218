namespace O2C.Grains.Dunning;

/// <summary>One invoice as handed over to the collection agency, with its figures on the day of handover.</summary>
public sealed record HandoverInvoice(
    string InvoiceId,
    DateOnly DueDate,
    string PaymentReference,
    decimal Principal,
    decimal Interest,
    decimal Compensation,
    decimal TotalClaimed,
    string? LegalBasis);
