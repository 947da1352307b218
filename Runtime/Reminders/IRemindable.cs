namespace O2C.Runtime;

/// <summary>Implemented by grains that register reminders.</summary>
public interface IRemindable
{
    /// <summary>
    /// Delivered at least once per due tick, in a normal turn. Must be idempotent: after a
    /// silo crash the same tick may arrive again.
    /// </summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
