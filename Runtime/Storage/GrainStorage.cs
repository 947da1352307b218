using O2C.Runtime.Reminders;

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
        var statements = new List<SqlStatement>(alongside.Created.Count + alongside.Projections.Count + alongside.Reminders.Count);
        statements.AddRange(alongside.Created.Select(c => new SqlStatement(
            "INSERT INTO grain_state (grain_type, grain_key, state_name, version, state, updated_at) VALUES ($1, $2, $3, 1, $4, now()) ON CONFLICT DO NOTHING",
            c.Grain.Type, c.Grain.Key, c.StateName, new Jsonb(c.Json))));
        statements.AddRange(alongside.Projections);
        statements.AddRange(alongside.Reminders.Select(r => r.Remove
            ? ReminderSql.Delete(r.Grain ?? grain, r.ReminderName)
            : ReminderSql.Upsert(r.Grain ?? grain, r.ReminderName, r.DueAt, r.Period)));
        var bulk = new List<BulkRow>(alongside.Events.Count + alongside.Outbox.Count);
        bulk.AddRange(alongside.Events.Select(e => new BulkRow(BulkTable.Events, [(e.About ?? grain).Type, (e.About ?? grain).Key, now, e.Kind, e.Data])));
        bulk.AddRange(alongside.Outbox.Select(m => new BulkRow(BulkTable.Outbox, [grain.Type, grain.Key, m.Topic, m.Payload, now])));
        return committer.CommitAsync(write, statements, bulk);
    }
}
