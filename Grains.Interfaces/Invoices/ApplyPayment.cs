namespace O2C.Grains.Interfaces.Invoices;

/// <summary>Apply up to <paramref name="Amount"/> of payment <paramref name="PaymentId"/>; the same payment id twice applies once.</summary>
[GenerateSerializer, Immutable, Alias("o2c.apply-payment")]
public sealed record ApplyPayment([Id(0)] string PaymentId, [Id(1)] decimal Amount, [Id(2)] DateTimeOffset ReceivedAt);
