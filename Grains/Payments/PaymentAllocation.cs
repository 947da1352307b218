namespace O2C.Grains.Payments;

public sealed record PaymentAllocation(string InvoiceId, decimal Amount);
