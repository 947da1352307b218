using Npgsql;

namespace O2C.Bench.Ceilings;

/// <summary>
/// A scratch copy of the real tables (<c>CREATE TABLE scratch.x (LIKE public.x INCLUDING ALL)</c>:
/// same columns, keys, indexes and defaults) that the ceilings write to; dropped afterwards.
/// </summary>
public sealed class ScratchSchema(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public const string Name = "bench_scratch";

    public static readonly IReadOnlyList<string> Tables = ["grain_state", "reminders", "grain_events", "orders", "invoices", "customers"];

    public static async Task<ScratchSchema> CreateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var sql = $"DROP SCHEMA IF EXISTS {Name} CASCADE; CREATE SCHEMA {Name};"
            + string.Concat(Tables.Select(t => $"CREATE TABLE {Name}.{t} (LIKE public.{t} INCLUDING ALL);"))
            // LIKE copies no triggers, so nothing fills the hash chain of the audit trail here (migration 0018):
            // the ceilings leave out the chain's cost, which keeps them a bar the system must clear while paying it.
            + $"ALTER TABLE {Name}.grain_events ALTER COLUMN hash DROP NOT NULL;";
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new ScratchSchema(dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE");
        await command.ExecuteNonQueryAsync();
    }
}
