namespace O2C.Api.Dashboard;

/// <summary>
/// Reminder ticks (<c>IRemindable.ReceiveReminder</c> calls) this silo handled since it started;
/// <see cref="Lag"/> is business time from a tick's due time to the start of its handling.
/// </summary>
public sealed record ReminderTicks(long Delivered, long Failed, LatencySnapshot Lag)
{
    public static ReminderTicks None { get; } = new(0, 0, LatencySnapshot.Empty);
}
