namespace O2C.Clock;

/// <summary>Configuration section <c>O2C:Clock</c>.</summary>
public sealed class ClockOptions
{
    public ClockMode Mode { get; set; } = ClockMode.System;

    /// <summary>
    /// Business time of a new cluster anchor for Manual and Accelerated; wall time now when unset.
    /// Once the anchor exists in PostgreSQL it wins: a restart resumes from it, not from here.
    /// </summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>Business seconds per wall second in Accelerated mode.</summary>
    public double Speed { get; set; } = 1;

    /// <summary>
    /// How often a Manual silo re-reads the anchor, in wall time: the fallback for a move whose
    /// notification it missed (LISTEN delivers the rest at once).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long (wall time) an advance waits for due reminders that make no progress before it
    /// gives up and names them. Progress (any reminder handled) restarts the wait.
    /// </summary>
    public TimeSpan AdvanceStallTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
