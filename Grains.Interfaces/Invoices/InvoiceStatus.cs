namespace O2C.Grains.Interfaces.Invoices;

/// <summary>Where an invoice stands in accounts receivable.</summary>
[GenerateSerializer, Alias("o2c.invoice-status")]
public enum InvoiceStatus
{
    Open,
    Overdue,
    PartiallyPaid,
    Paid,
    Disputed,
    InCollection,
    WrittenOff,
}
