using Npgsql;
using NpgsqlTypes;

namespace O2C.Runtime.Storage;

/// <summary>
/// Applies the state writes of a group commit in at most three statements (inserts, updates,
/// deletes), each returning the rows it wrote: a write whose row is missing lost its version
/// check, and only that write fails.
/// </summary>
internal static class VersionedWrites
{
    public static async Task<HashSet<PendingCommit>> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingCommit> writes)
    {
        var inserts = writes.Where(p => p.State!.ExpectedVersion is null).ToList();
        var updates = writes.Where(p => p.State!.ExpectedVersion is not null && p.State.Json is not null).ToList();
        var deletes = writes.Where(p => p.State!.Json is null).ToList();
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (inserts.Count > 0)
        {
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO grain_state (grain_type, grain_key, state_name, version, state, updated_at)
                SELECT t, k, n, 1, s, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) AS d(t, k, n, s)
                ON CONFLICT DO NOTHING
                RETURNING grain_type, grain_key, state_name
                """,
                inserts, withJson: true, withVersion: false));
        }

        if (updates.Count > 0)
        {
            batch.BatchCommands.Add(Command(
                """
                UPDATE grain_state g SET version = g.version + 1, state = d.s, updated_at = now()
                FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::bigint[]) AS d(t, k, n, s, v)
                WHERE g.grain_type = d.t AND g.grain_key = d.k AND g.state_name = d.n AND g.version = d.v
                RETURNING g.grain_type, g.grain_key, g.state_name
                """,
                updates, withJson: true, withVersion: true));
        }

        if (deletes.Count > 0)
        {
            var command = Command(
                """
                DELETE FROM grain_state g USING unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS d(t, k, n, v)
                WHERE g.grain_type = d.t AND g.grain_key = d.k AND g.state_name = d.n AND g.version = d.v
                RETURNING g.grain_type, g.grain_key, g.state_name
                """,
                deletes, withJson: false, withVersion: true);
            batch.BatchCommands.Add(command);
        }

        var written = new HashSet<(string, string, string)>();
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            do
            {
                while (await reader.ReadAsync())
                {
                    written.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }
            while (await reader.NextResultAsync());
        }

        return writes.Where(p => !written.Contains((p.State!.Grain.Type, p.State.Grain.Key, p.State.StateName))).ToHashSet();
    }

    private static NpgsqlBatchCommand Command(string sql, List<PendingCommit> writes, bool withJson, bool withVersion)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = writes.Select(p => p.State!.Grain.Type).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = writes.Select(p => p.State!.Grain.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = writes.Select(p => p.State!.StateName).ToArray() });
        if (withJson)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = writes.Select(p => p.State!.Json!).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        }

        if (withVersion)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = writes.Select(p => p.State!.ExpectedVersion!.Value).ToArray() });
        }

        return command;
    }
}
