namespace O2C.Grains.Interfaces.Payments;

[GenerateSerializer, Immutable, Alias("o2c.payment-allocation-result")]
public sealed record PaymentAllocationResult([Id(0)] string InvoiceId, [Id(1)] decimal Amount, [Id(2)] decimal OutstandingAfter);
