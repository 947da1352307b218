namespace O2C.Grains.Collections;

/// <summary>Money received against one invoice or plan on a business date.</summary>
public sealed record PaymentReceived(DateOnly Date, decimal Amount);
