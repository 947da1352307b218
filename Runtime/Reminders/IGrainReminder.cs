namespace O2C.Runtime;

public interface IGrainReminder
{
    string ReminderName { get; }

    /// <summary>Next business time it is due.</summary>
    DateTimeOffset DueAt { get; }

    /// <summary>Null for a one-shot reminder.</summary>
    TimeSpan? Period { get; }
}
