using Npgsql;
using NpgsqlTypes;

namespace O2C.Runtime.Storage;

/// <summary>
/// The state writes of a group commit in at most three statements (inserts, updates, deletes).
/// <see cref="Checked"/> makes them raise <see cref="VersionCheckFailed"/> when any version check
/// fails, so they can share one round trip with the group's rows; <see cref="ApplyAsync"/> tells
/// which writes lost their check, so only those fail.
/// </summary>
internal static class VersionedWrites
{
    /// <summary>SQLSTATE raised by <c>o2c_expect_written</c> (migration 0007).</summary>
    public const string VersionCheckFailed = "O2C01";

    private const string Insert =
        """
        INSERT INTO grain_state (grain_type, grain_key, state_name, version, state, updated_at)
        SELECT t, k, n, 1, s, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) AS d(t, k, n, s)
        ON CONFLICT DO NOTHING
        """;

    private const string Update =
        """
        UPDATE grain_state g SET version = g.version + 1, state = d.s, updated_at = now()
        FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::bigint[]) AS d(t, k, n, s, v)
        WHERE g.grain_type = d.t AND g.grain_key = d.k AND g.state_name = d.n AND g.version = d.v
        """;

    private const string Delete =
        """
        DELETE FROM grain_state g USING unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS d(t, k, n, v)
        WHERE g.grain_type = d.t AND g.grain_key = d.k AND g.state_name = d.n AND g.version = d.v
        """;

    /// <summary>Statements that write every state or raise <see cref="VersionCheckFailed"/>, sinking the transaction.</summary>
    public static IEnumerable<NpgsqlBatchCommand> Checked(List<PendingCommit> writes) =>
        Commands(writes, sql => $"WITH written AS ({sql} RETURNING 1) SELECT o2c_expect_written(count(*), cardinality($1::text[])) FROM written");

    /// <summary>Writes what matches its version and returns the writes that did not.</summary>
    public static async Task<HashSet<PendingCommit>> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingCommit> writes)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in Commands(writes, sql => $"{sql} RETURNING grain_type, grain_key, state_name"))
        {
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

    private static IEnumerable<NpgsqlBatchCommand> Commands(List<PendingCommit> writes, Func<string, string> shape)
    {
        var inserts = writes.Where(p => p.State!.ExpectedVersion is null).ToList();
        var updates = writes.Where(p => p.State!.ExpectedVersion is not null && p.State.Json is not null).ToList();
        var deletes = writes.Where(p => p.State!.Json is null).ToList();
        if (inserts.Count > 0)
        {
            yield return Command(shape(Insert), inserts, withJson: true, withVersion: false);
        }

        if (updates.Count > 0)
        {
            yield return Command(shape(Update), updates, withJson: true, withVersion: true);
        }

        if (deletes.Count > 0)
        {
            yield return Command(shape(Delete), deletes, withJson: false, withVersion: true);
        }
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
