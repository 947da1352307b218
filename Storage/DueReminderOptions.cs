namespace O2C.Storage;

/// <summary>How <see cref="DueReminderDelivery"/> hands due reminders to grains (<c>O2C:Reminders</c>).</summary>
public sealed class DueReminderOptions
{
    /// <summary>Who delivers reminders.</summary>
    public ReminderDelivery Delivery { get; set; } = ReminderDelivery.O2C;

    /// <summary>
    /// Reminder handlers running at once on one silo. A month-end storm is worked through at this
    /// width instead of all at once, so no handler waits long enough to time out. Wider is faster
    /// up to a point (their writes share group commits): a 100,000-invoice storm ran at 773, 982
    /// and 1,223 invoices/s with 128, 512 and 2,048 (bench/README.md).
    /// </summary>
    public int MaxInFlight { get; set; } = 2048;

    /// <summary>
    /// Most due reminders one claim takes (and waiting for a handler at once). What a silo holds,
    /// this plus <see cref="MaxInFlight"/>, should be handled well within <see cref="Lease"/>, or
    /// another silo takes it again (harmless, the state decides, but wasted).
    /// </summary>
    public int ClaimBatchSize { get; set; } = 2048;

    /// <summary>
    /// How long (wall time) a claimed reminder belongs to the silo that claimed it. A handler that
    /// fails, or a silo that dies, leaves its claims to be taken again once this has passed.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long (wall time) after a failed handler its reminder is delivered again: the lease is cut to
    /// this. A grain on a silo that just died is reachable again within seconds; waiting out the whole
    /// lease held a clock advance up by 30 s after every silo crash (issue 14).
    /// </summary>
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often (wall time) a silo with nothing due looks again: for reminders other silos registered and for expired leases.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
