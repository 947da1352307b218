namespace O2C.Runtime;

public sealed class ReminderOptions
{
    /// <summary>How often a silo looks for due reminders (wall time).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed reminder stays with the claiming silo before others may take it over (wall time).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Reminders claimed per round trip.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// Reminders delivered at once by one silo. A delivery mostly waits on the database, so the
    /// whole claimed batch goes at once: more deliveries in flight make larger group commits
    /// (a 20,000-invoice storm ran 19% to 35% faster than with 256).
    /// </summary>
    public int MaxConcurrentDeliveries { get; set; } = 1000;

    /// <summary>Wall time a failed delivery waits before it is tried again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);
}
