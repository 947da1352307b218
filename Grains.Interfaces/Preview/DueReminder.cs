namespace O2C.Grains.Interfaces.Preview;

/// <summary>A grain's reminder as its row in the reminder table says: which, and when it is due.</summary>
[GenerateSerializer, Immutable, Alias("o2c.due-reminder")]
public sealed record DueReminder([Id(0)] string Name, [Id(1)] DateTimeOffset DueAt);
