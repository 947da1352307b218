namespace O2C.Runtime.Storage;

/// <summary>Reads grain state rows and turns writes (with their rows alongside) into group commits.</summary>
internal sealed class GrainStorage(GroupReader reader, GroupCommitter committer, TimeProvider clock)
{
    public Task<StoredState?> ReadAsync(GrainId grain, string stateName) => reader.ReadAsync(grain, stateName);

    public Task CommitAsync(GrainId grain, StateWrite? write, CommitRows alongside)
    {
        if (alongside.IsEmpty)
        {
            return committer.CommitAsync(write, []);
        }

        var now = clock.GetUtcNow();
        var reminders = alongside.Reminders
            .Select(r => new ReminderOp(r.Grain ?? grain, r.ReminderName, r.DueAt, r.Period, r.Remove))
            .ToList();
        var rows = new List<QueuedRow>(alongside.Rows.Count + alongside.Events.Count + alongside.Outbox.Count);
        rows.AddRange(alongside.Rows);
        rows.AddRange(alongside.Events.Select(e => new QueuedRow(RuntimeRows.Events, [(e.About ?? grain).Type, (e.About ?? grain).Key, now, e.Kind, e.Data])));
        rows.AddRange(alongside.Outbox.Select(m => new QueuedRow(RuntimeRows.Outbox, [grain.Type, grain.Key, m.Topic, m.Payload, now])));
        return committer.CommitAsync(write, alongside.Projections, rows, alongside.Created, reminders);
    }
}
