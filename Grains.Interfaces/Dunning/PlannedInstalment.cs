namespace O2C.Grains.Interfaces.Dunning;

/// <summary>One instalment a collector agreed with the debtor: pay <see cref="Amount"/> by <see cref="Date"/>.</summary>
[GenerateSerializer, Immutable, Alias("o2c.planned-instalment")]
public sealed record PlannedInstalment([Id(0)] DateOnly Date, [Id(1)] decimal Amount);
