namespace O2C.Storage;

/// <summary>How <see cref="DueReminderDelivery"/> hands due reminders to grains (<c>O2C:Reminders</c>).</summary>
public sealed class DueReminderOptions
{
    /// <summary>Who delivers reminders.</summary>
    public ReminderDelivery Delivery { get; set; } = ReminderDelivery.O2C;

    /// <summary>
    /// Reminder handlers running at once on one silo. A month-end storm is worked through at this
    /// width instead of all at once, so no handler waits long enough to time out.
    /// </summary>
    public int MaxInFlight { get; set; } = 128;

    /// <summary>Most due reminders one claim takes.</summary>
    public int ClaimBatchSize { get; set; } = 256;

    /// <summary>
    /// How long (wall time) a claimed reminder belongs to the silo that claimed it. A handler that
    /// fails, or a silo that dies, leaves its claims to be taken again once this has passed.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often (wall time) a silo with nothing due looks again: for reminders other silos registered and for expired leases.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
