namespace O2C.Grains.Interfaces.Payments;

[GenerateSerializer, Alias("o2c.payment-status")]
public enum PaymentStatus
{
    /// <summary>Fully allocated to invoices.</summary>
    Matched,
    /// <summary>Allocated in part; the rest is unallocated (overpayment).</summary>
    PartiallyMatched,
    Unmatched,
}
