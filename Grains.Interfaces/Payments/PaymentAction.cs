namespace O2C.Grains.Interfaces.Payments;

/// <summary>What a collector's action on a payment did: the outcome, the payment's result after it (when there is one), why.</summary>
[GenerateSerializer, Immutable, Alias("o2c.payment-action")]
public sealed record PaymentAction([Id(0)] PaymentActionOutcome Outcome, [Id(1)] PaymentResult? Payment, [Id(2)] string Detail);
