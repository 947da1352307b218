namespace O2C.Grains.Payments;

/// <summary>Which evidence tied a payment to invoices, strongest first.</summary>
public enum MatchedBy
{
    Unmatched,
    InvoiceId,
    Reference,
    CustomerAndAmount,
    CustomerOldestFirst,
}
