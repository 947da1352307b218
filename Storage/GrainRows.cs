using O2C.Clock;
using Orleans.Runtime;

namespace O2C.Storage;

/// <summary>
/// Turns a grain's <see cref="CommitRows"/> into group-commit work: with its state write (the
/// <see cref="O2CGrainStorage"/> path, one transaction), or on their own after a state write another
/// provider made (the stock AdoNet path). With <see cref="ReminderDelivery.O2C"/> it also writes the
/// grains' reminder rows.
/// </summary>
public sealed class GrainRows
{
    private readonly GroupCommitter _committer;
    private readonly BusinessClock _clock;
    private readonly string _serviceId;

    internal GrainRows(GroupCommitter committer, BusinessClock clock, string serviceId, ReminderDelivery delivery, bool rowsWithState)
    {
        _committer = committer;
        _clock = clock;
        _serviceId = serviceId;
        WritesReminders = delivery == ReminderDelivery.O2C;
        RemindersWithState = WritesReminders && rowsWithState;
    }

    /// <summary>Whether grains' reminders are rows written here (<see cref="ReminderDelivery.O2C"/>) rather than registered with Orleans' reminder service.</summary>
    public bool WritesReminders { get; }

    /// <summary>
    /// Whether reminder rows commit in the transaction of the state (ours delivers them and ours
    /// stores the state); otherwise a grain registers them before its write and removes them after.
    /// </summary>
    public bool RemindersWithState { get; }

    /// <summary>Writes rows a grain staged, after its state was written elsewhere.</summary>
    public Task WriteAsync(GrainId grain, CommitRows rows) =>
        rows.HasRows ? CommitAsync(grain, state: null, rows) : Task.CompletedTask;

    /// <summary>Registers, moves or removes reminders of <paramref name="grain"/> in a transaction of their own.</summary>
    public Task ChangeRemindersAsync(GrainId grain, IReadOnlyCollection<ReminderChange> changes)
    {
        if (!WritesReminders)
        {
            throw new InvalidOperationException("Reminders are Orleans' (O2C:Reminders:Delivery=Orleans): register them with the grain's reminder registry.");
        }

        return changes.Count == 0
            ? Task.CompletedTask
            : _committer.CommitAsync(null, [], changes.Select(c => ReminderRows.For(_serviceId, grain, c)).ToList());
    }

    internal Task CommitAsync(GrainId grain, StateWrite? state, CommitRows? rows)
    {
        var reminders = state is not null && RemindersWithState ? rows?.ReminderRows ?? [] : [];
        if ((rows is null || !rows.HasRows) && reminders.Count == 0)
        {
            return _committer.CommitAsync(state, []);
        }

        var now = _clock.GetUtcNow();
        var key = StateRowKey.Of(grain);
        var queued = new List<QueuedRow>();
        if (rows is not null)
        {
            queued.AddRange(rows.Rows);
            queued.AddRange(rows.Events.Select(e => new QueuedRow(RuntimeRows.Events, [key.Type, key.Key, now, e.Kind, e.Data])));
            queued.AddRange(rows.Outbox.Select(m => new QueuedRow(RuntimeRows.Outbox, [key.Type, key.Key, m.Topic, m.Payload, now])));
        }

        queued.AddRange(reminders.Select(c => ReminderRows.For(_serviceId, grain, c)));
        return _committer.CommitAsync(state, rows?.Projections ?? [], queued);
    }
}
