namespace O2C.Storage;

/// <summary>Who delivers grains' reminders (<c>O2C:Reminders:Delivery</c>); both keep them in <c>orleansreminderstable</c>.</summary>
public enum ReminderDelivery
{
    /// <summary>
    /// Ours (<see cref="DueReminderDelivery"/>): due rows are claimed in batches with
    /// <c>FOR UPDATE SKIP LOCKED</c> and handed to their grains' <c>IRemindable</c> with bounded
    /// concurrency, and grains write their reminder rows in the transaction of their state.
    /// </summary>
    O2C,

    /// <summary>Orleans' reminder service (a timer per reminder), on the table of <c>O2C:Reminders:Table</c>.</summary>
    Orleans,
}
