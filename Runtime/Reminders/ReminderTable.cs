using Npgsql;
using NpgsqlTypes;

namespace O2C.Runtime.Reminders;

/// <summary>
/// Claims due reminder rows in batches with FOR UPDATE SKIP LOCKED and a lease, and moves them
/// on after delivery. Nothing is loaded until it is due, so a million future reminders cost a
/// silo nothing.
/// </summary>
internal sealed class ReminderTable(NpgsqlDataSource dataSource)
{
    public async Task<List<ClaimedReminder>> ClaimAsync(string owner, DateTimeOffset dueUpTo, int limit, TimeSpan lease, CancellationToken cancellationToken, long registeredUpTo = long.MaxValue)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE reminders r SET lease_owner = $1, lease_until = now() + $2 * interval '1 millisecond'
            FROM (SELECT grain_type, grain_key, name FROM reminders
                  WHERE due_at <= $3 AND seq <= $5 AND (lease_until IS NULL OR lease_until < now())
                  ORDER BY due_at, seq LIMIT $4 FOR UPDATE SKIP LOCKED) due
            WHERE r.grain_type = due.grain_type AND r.grain_key = due.grain_key AND r.name = due.name
            RETURNING r.grain_type, r.grain_key, r.name, r.first_due_at, r.due_at, r.period_ms, r.etag, r.seq
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = owner });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)lease.TotalMilliseconds });
        command.Parameters.Add(new NpgsqlParameter { Value = dueUpTo });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(new NpgsqlParameter { Value = registeredUpTo });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedReminder>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedReminder(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(5)),
                reader.GetInt64(6),
                reader.GetInt64(7)));
        }

        claimed.Sort((a, b) => (a.DueAt, a.Seq).CompareTo((b.DueAt, b.Seq)));
        return claimed;
    }

    /// <summary>The newest registration so far: reminders registered after this belong to the next generation.</summary>
    public async Task<long> RegistrationHorizonAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT last_value FROM reminders_seq");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The earliest due time at or before <paramref name="upTo"/> that nobody holds a lease on.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT min(due_at) FROM reminders WHERE due_at <= $1 AND (lease_until IS NULL OR lease_until < now())");
        command.Parameters.Add(new NpgsqlParameter { Value = upTo });
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is DateTime utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null;
    }

    /// <summary>
    /// After delivery: one-shot rows go, periodic rows move to their next tick, failed rows keep
    /// their due time and wait out <paramref name="retryDelay"/>. Rows re-registered meanwhile
    /// (another etag) are left alone.
    /// </summary>
    public async Task CompleteAsync(
        IReadOnlyList<ClaimedReminder> delivered,
        IReadOnlyList<ClaimedReminder> failed,
        DateTimeOffset now,
        TimeSpan retryDelay,
        CancellationToken cancellationToken)
    {
        var oneShot = delivered.Where(r => r.Period is null).ToList();
        var periodic = delivered.Where(r => r.Period is not null).ToList();
        await using var batch = dataSource.CreateBatch();
        if (oneShot.Count > 0)
        {
            batch.BatchCommands.Add(Keyed(
                "DELETE FROM reminders r USING unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS d(t, k, n, e) WHERE r.grain_type = d.t AND r.grain_key = d.k AND r.name = d.n AND r.etag = d.e",
                oneShot));
        }

        if (periodic.Count > 0)
        {
            var command = Keyed(
                "UPDATE reminders r SET due_at = d.next, lease_owner = NULL, lease_until = NULL FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::timestamptz[]) AS d(t, k, n, e, next) WHERE r.grain_type = d.t AND r.grain_key = d.k AND r.name = d.n AND r.etag = d.e",
                periodic);
            command.Parameters.Add(new NpgsqlParameter { Value = periodic.Select(r => r.NextDueAfter(now)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            batch.BatchCommands.Add(command);
        }

        if (failed.Count > 0)
        {
            var command = Keyed(
                "UPDATE reminders r SET lease_until = now() + $5 * interval '1 millisecond' FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS d(t, k, n, e) WHERE r.grain_type = d.t AND r.grain_key = d.k AND r.name = d.n AND r.etag = d.e",
                failed);
            command.Parameters.Add(new NpgsqlParameter { Value = (long)retryDelay.TotalMilliseconds });
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static NpgsqlBatchCommand Keyed(string sql, IReadOnlyList<ClaimedReminder> rows)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Grain.Type).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Grain.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Name).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Etag).ToArray() });
        return command;
    }
}
