namespace O2C.Runtime;

/// <summary>What an advance of the manual business clock did.</summary>
public sealed record ClockAdvance(DateTimeOffset From, DateTimeOffset To, int RemindersDelivered, int RemindersFailed);
