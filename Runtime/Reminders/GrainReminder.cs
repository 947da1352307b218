namespace O2C.Runtime.Reminders;

internal sealed record GrainReminder(string ReminderName, DateTimeOffset DueAt, TimeSpan? Period) : IGrainReminder;
