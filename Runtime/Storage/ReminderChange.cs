namespace O2C.Runtime;

/// <summary>A reminder registration or removal staged with a state write.</summary>
public sealed record ReminderChange(string ReminderName, DateTimeOffset DueAt, TimeSpan? Period, bool Remove);
