using O2C.Runtime.Reminders;

namespace O2C.Runtime.Storage;

/// <summary>Reads grain state rows and turns writes (with their rows alongside) into group commits.</summary>
internal sealed class GrainStorage(GroupReader reader, GroupCommitter committer, TimeProvider clock)
{
    public Task<StoredState?> ReadAsync(GrainId grain, string stateName) => reader.ReadAsync(grain, stateName);

    public Task CommitAsync(GrainId grain, StateWrite? write, CommitRows alongside) =>
        committer.CommitAsync(write, ToStatements(grain, alongside));

    private List<SqlStatement> ToStatements(GrainId grain, CommitRows rows)
    {
        if (rows.IsEmpty)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var statements = new List<SqlStatement>(rows.Projections);
        statements.AddRange(rows.Events.Select(e => new SqlStatement(
            "INSERT INTO grain_events (grain_type, grain_key, occurred_at, kind, data) VALUES ($1, $2, $3, $4, $5)",
            grain.Type, grain.Key, now, e.Kind, new Jsonb(e.Data))));
        statements.AddRange(rows.Outbox.Select(m => new SqlStatement(
            "INSERT INTO outbox (grain_type, grain_key, topic, payload, created_at) VALUES ($1, $2, $3, $4, $5)",
            grain.Type, grain.Key, m.Topic, new Jsonb(m.Payload), now)));
        statements.AddRange(rows.Reminders.Select(r => r.Remove
            ? ReminderSql.Delete(grain, r.ReminderName)
            : ReminderSql.Upsert(grain, r.ReminderName, r.DueAt, r.Period)));
        return statements;
    }
}
