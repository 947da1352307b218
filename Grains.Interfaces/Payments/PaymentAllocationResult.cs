namespace O2C.Grains.Interfaces.Payments;

public sealed record PaymentAllocationResult(string InvoiceId, decimal Amount, decimal OutstandingAfter);
