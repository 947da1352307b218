namespace O2C.Storage;

/// <summary>A reminder of the writing grain to register at <paramref name="DueAt"/> (business time), or to remove.</summary>
public sealed record ReminderChange(string ReminderName, DateTimeOffset DueAt, bool Remove);
