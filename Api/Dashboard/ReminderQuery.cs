using Npgsql;

namespace O2C.Api.Dashboard;

/// <summary>
/// Reminder table figures in one round trip without reading the table: an exact <c>count(*)</c>
/// (an index-only scan) up to a million rows, the planner's estimate beyond; due and overdue counted
/// on the <c>reminders_due</c> index, at most <see cref="CountCap"/> rows.
/// </summary>
public sealed class ReminderQuery(NpgsqlDataSource dataSource)
{
    public const long ExactCountLimit = 1_000_000;
    public const int CountCap = 100_000;

    public const string RegisteredSql = """
        SELECT CASE WHEN c.reltuples > 1000000 THEN c.reltuples::bigint ELSE (SELECT count(*) FROM reminders) END,
               c.reltuples > 1000000
        FROM pg_class c WHERE c.oid = 'reminders'::regclass
        """;

    // Oldest first, so the overdue ones are inside the cap.
    public const string DueSql = """
        SELECT count(*), count(*) FILTER (WHERE due_at < $2 AND (lease_until IS NULL OR lease_until < now())), min(due_at)
        FROM (SELECT due_at, lease_until FROM reminders WHERE due_at <= $1 ORDER BY due_at LIMIT 100001) due
        """;

    public async Task<(long Registered, bool Estimated, long DueNow, long Overdue, bool Capped, DateTimeOffset? OldestDue)> ReadAsync(
        DateTimeOffset businessNow, DateTimeOffset overdueBefore, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(RegisteredSql));
        var due = new NpgsqlBatchCommand(DueSql);
        due.Parameters.Add(new NpgsqlParameter { Value = businessNow });
        due.Parameters.Add(new NpgsqlParameter { Value = overdueBefore });
        batch.BatchCommands.Add(due);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (registered, estimated) = (reader.GetInt64(0), reader.GetBoolean(1));
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var dueNow = reader.GetInt64(0);
        var oldest = reader.IsDBNull(2) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(2);
        return (registered, estimated, Math.Min(dueNow, CountCap), Math.Min(reader.GetInt64(1), CountCap), dueNow > CountCap, oldest);
    }
}
