namespace O2C.Grains.Interfaces.Payments;

/// <summary>A collector marks a payment's unapplied money for a refund: an overpayment's surplus, or a payment for nobody.</summary>
[GenerateSerializer, Immutable, Alias("o2c.request-refund")]
public sealed record RequestRefund([Id(0)] string Reason);
