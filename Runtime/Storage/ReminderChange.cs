namespace O2C.Runtime;

/// <summary>
/// A reminder registration or removal staged with a state write; <see cref="Grain"/> null means
/// the writing grain's own reminder.
/// </summary>
public sealed record ReminderChange(string ReminderName, DateTimeOffset DueAt, TimeSpan? Period, bool Remove, GrainId? Grain = null);
