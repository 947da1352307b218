using Npgsql;

namespace O2C.Storage;

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

    private static readonly Shapes Insert = new(
        "INSERT INTO grain_state (grain_type, grain_key, state_name, version, state, updated_at) SELECT t, k, n, 1, s, now() FROM {rows} ON CONFLICT DO NOTHING",
        "t text", "k text", "n text", "s jsonb");

    private static readonly Shapes Update = new(
        """
        UPDATE grain_state g SET version = g.version + 1, state = v.s, updated_at = now() FROM {rows}
        WHERE g.grain_type = v.t AND g.grain_key = v.k AND g.state_name = v.n AND g.version = v.expected
        """,
        "t text", "k text", "n text", "s jsonb", "expected bigint");

    private static readonly Shapes Delete = new(
        "DELETE FROM grain_state g USING {rows} WHERE g.grain_type = v.t AND g.grain_key = v.k AND g.state_name = v.n AND g.version = v.expected",
        "t text", "k text", "n text", "expected bigint");

    /// <summary>Statements that write every state or raise <see cref="VersionCheckFailed"/>, sinking the transaction.</summary>
    public static IEnumerable<NpgsqlBatchCommand> Checked(List<PendingCommit> writes) => Commands(writes, shapes => shapes.Checked);

    /// <summary>Writes what matches its version and returns the writes that did not.</summary>
    public static async Task<HashSet<PendingCommit>> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingCommit> writes)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in Commands(writes, shapes => shapes.Returning))
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

    private static IEnumerable<NpgsqlBatchCommand> Commands(List<PendingCommit> writes, Func<Shapes, MultiRowStatement> shape)
    {
        var states = writes.Select(p => p.State!).ToList();
        var inserts = states.Where(s => s.ExpectedVersion is null).Select(s => Row(s, s.Json)).ToList();
        var updates = states.Where(s => s.ExpectedVersion is not null && s.Json is not null).Select(s => Row(s, s.Json, s.ExpectedVersion)).ToList();
        var deletes = states.Where(s => s.Json is null).Select(s => Row(s, s.ExpectedVersion)).ToList();
        if (inserts.Count > 0)
        {
            yield return shape(Insert).ToBatchCommand(inserts);
        }

        if (updates.Count > 0)
        {
            yield return shape(Update).ToBatchCommand(updates);
        }

        if (deletes.Count > 0)
        {
            yield return shape(Delete).ToBatchCommand(deletes);
        }
    }

    private static object?[] Row(StateWrite state, params object?[] rest) => [state.Grain.Type, state.Grain.Key, state.StateName, .. rest];

    /// <summary>One write statement in its two forms: raising on a failed check, or returning the keys it wrote.</summary>
    private sealed class Shapes(string sql, params string[] columns)
    {
        public MultiRowStatement Checked { get; } = MultiRowStatement.Appended(
            $"WITH written AS ({sql} RETURNING 1) SELECT o2c_expect_written(count(*), cardinality($1::text[])) FROM written", columns);

        public MultiRowStatement Returning { get; } = MultiRowStatement.Appended($"{sql} RETURNING grain_type, grain_key, state_name", columns);
    }
}
