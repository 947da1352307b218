namespace O2C.Runtime.Storage;

/// <summary>A reminder registration (or removal) carried by a group commit.</summary>
internal sealed record ReminderOp(GrainId Grain, string Name, DateTimeOffset DueAt, TimeSpan? Period, bool Remove);
