namespace O2C.Storage;

/// <summary>
/// A grain's reminders as rows of Orleans' <c>orleansreminderstable</c>, written by the group
/// committer (with the state, or on their own). The rows are the ones Orleans' reminder service
/// reads, so switching <c>O2C:Reminders:Delivery</c> either way keeps every pending reminder.
/// </summary>
internal static class ReminderRows
{
    // Orleans has no one-shot reminder: the period is only the retry of its own reminder service.
    public static readonly long RetryPeriodMilliseconds = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    // Keyed by "grain id / reminder name": within one group commit the last change of a reminder stands.
    public static readonly MultiRowStatement Upsert = MultiRowStatement.Keyed(
        """
        INSERT INTO orleansreminderstable AS r (serviceid, grainid, remindername, starttime, period, grainhash, version)
        SELECT v.serviceid, v.grainid, v.remindername, v.starttime, v.period, v.grainhash, 0 FROM {rows}
        ON CONFLICT (serviceid, grainid, remindername)
        DO UPDATE SET starttime = excluded.starttime, period = excluded.period, grainhash = excluded.grainhash,
            version = r.version + 1, leaseduntil = NULL, leasedby = NULL
        """,
        "reminder text", "serviceid text", "grainid text", "remindername text", "starttime timestamptz", "period bigint", "grainhash int");

    public static readonly MultiRowStatement Remove = MultiRowStatement.Keyed(
        """
        DELETE FROM orleansreminderstable r USING {rows}
        WHERE r.serviceid = v.serviceid AND r.grainid = v.grainid AND r.remindername = v.remindername
        """,
        "reminder text", "serviceid text", "grainid text", "remindername text");

    public static QueuedRow For(string serviceId, Orleans.Runtime.GrainId grain, ReminderChange change)
    {
        var grainId = grain.ToString();
        var key = $"{grainId}\n{change.ReminderName}";
        return change.Remove
            ? new QueuedRow(Remove, [key, serviceId, grainId, change.ReminderName])
            : new QueuedRow(Upsert, [key, serviceId, grainId, change.ReminderName, WholeMilliseconds(change.DueAt), RetryPeriodMilliseconds, unchecked((int)grain.GetUniformHashCode())]);
    }

    // Orleans keeps reminder times to the millisecond; a finer time would compare unequal to itself after a round trip.
    private static DateTimeOffset WholeMilliseconds(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
