namespace O2C.Grains.Collections;

/// <summary>One agreed payment of a payment plan: how much, on which date.</summary>
public sealed record Instalment(DateOnly Date, decimal Amount);
