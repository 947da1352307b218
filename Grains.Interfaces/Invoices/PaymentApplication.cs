namespace O2C.Grains.Interfaces.Invoices;

/// <summary>How much of a payment an invoice took; <see cref="Applied"/> may be less than offered when it is (nearly) paid.</summary>
[GenerateSerializer, Immutable, Alias("o2c.payment-application")]
public sealed record PaymentApplication([Id(0)] string InvoiceId, [Id(1)] decimal Applied, [Id(2)] decimal Outstanding, [Id(3)] InvoiceStatus Status);
