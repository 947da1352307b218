namespace O2C.Grains.Payments;

/// <summary>A collector's request to pay back a payment's unapplied money, kept in the payment's state.</summary>
public sealed record PaymentRefund(string Reason, decimal Amount, DateTimeOffset RequestedAt);
