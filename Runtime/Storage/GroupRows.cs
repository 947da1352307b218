using Npgsql;
using NpgsqlTypes;

namespace O2C.Runtime.Storage;

/// <summary>
/// The runtime's own rows of a whole group commit as multi-row statements: created grain states,
/// and reminder registrations and removals (the last change of each reminder wins, in queue order).
/// </summary>
internal static class GroupRows
{
    public static NpgsqlBatchCommand? CreatedStates(IReadOnlyList<CreatedState> created)
    {
        if (created.Count == 0)
        {
            return null;
        }

        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO grain_state (grain_type, grain_key, state_name, version, state, updated_at)
            SELECT t, k, n, 1, s, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) AS c(t, k, n, s)
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = created.Select(c => c.Grain.Type).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = created.Select(c => c.Grain.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = created.Select(c => c.StateName).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = created.Select(c => c.Json).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        return command;
    }

    public static IEnumerable<NpgsqlBatchCommand> Reminders(IEnumerable<ReminderOp> operations)
    {
        // One statement may not touch a row twice: keep each reminder's last change.
        var last = new Dictionary<(GrainId, string), ReminderOp>();
        foreach (var operation in operations)
        {
            last[(operation.Grain, operation.Name)] = operation;
        }

        var removals = last.Values.Where(o => o.Remove).ToList();
        if (removals.Count > 0)
        {
            var delete = new NpgsqlBatchCommand(
                "DELETE FROM reminders r USING unnest($1::text[], $2::text[], $3::text[]) AS d(t, k, n) WHERE r.grain_type = d.t AND r.grain_key = d.k AND r.name = d.n");
            AddKeys(delete, removals);
            yield return delete;
        }

        var registrations = last.Values.Where(o => !o.Remove).ToList();
        if (registrations.Count > 0)
        {
            // A re-registration bumps the etag and drops any lease, so a delivery in flight can tell
            // that the row it claimed was replaced and must leave it alone.
            var upsert = new NpgsqlBatchCommand(
                """
                INSERT INTO reminders (grain_type, grain_key, name, first_due_at, due_at, period_ms, etag)
                SELECT t, k, n, d, d, p, 1 FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::bigint[]) AS r(t, k, n, d, p)
                ON CONFLICT (grain_type, grain_key, name) DO UPDATE
                SET first_due_at = excluded.first_due_at, due_at = excluded.due_at, period_ms = excluded.period_ms,
                    etag = reminders.etag + 1, seq = nextval('reminders_seq'), lease_owner = NULL, lease_until = NULL
                """);
            AddKeys(upsert, registrations);
            upsert.Parameters.Add(new NpgsqlParameter { Value = registrations.Select(o => o.DueAt).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter
            {
                Value = registrations.Select(o => o.Period is { } p ? (long?)p.TotalMilliseconds : null).ToArray(),
                NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint,
            });
            yield return upsert;
        }
    }

    private static void AddKeys(NpgsqlBatchCommand command, List<ReminderOp> operations)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = operations.Select(o => o.Grain.Type).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = operations.Select(o => o.Grain.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = operations.Select(o => o.Name).ToArray() });
    }
}
