using Npgsql;
using Orleans.Runtime;

namespace O2C.Silo.Hosting;

/// <summary>
/// Moves the reminders a database of the retired in-house runtime still holds (its <c>reminders</c>
/// table) into Orleans' reminder table at start, after the migrations and before Orleans' reminder
/// service loads its table, so an upgraded database loses no due-date check or dunning step. Each
/// batch inserts and deletes in one transaction; silos starting together move a row once (a row
/// Orleans already has wins). An empty table costs one query.
/// </summary>
internal sealed partial class LegacyReminderImport(NpgsqlDataSource dataSource, string serviceId, ILogger<LegacyReminderImport> logger) : IHostedService
{
    private const int BatchSize = 1000;

    // Orleans' shortest period; the old runtime's one-shot reminders had none. It is the retry of a
    // failed handler: every handler of ours removes or moves its reminder when done.
    private static readonly long RetryPeriodMs = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        long moved = 0;
        while (await MoveBatchAsync(cancellationToken) is var count and > 0)
        {
            moved += count;
        }

        if (moved > 0)
        {
            LogMoved(logger, moved);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<int> MoveBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = new List<(string Type, string Key, string Name, DateTimeOffset DueAt, long? PeriodMs)>();
        await using (var read = new NpgsqlCommand(
            $"SELECT grain_type, grain_key, name, due_at, period_ms FROM reminders ORDER BY due_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetInt64(4)));
            }
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        var grains = rows.Select(r => GrainId.Create(r.Type, r.Key)).ToArray();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO orleansreminderstable (serviceid, grainid, remindername, starttime, period, grainhash, version)
            SELECT $1, g, n, s, p, h, 0 FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::bigint[], $6::int[]) AS r(g, n, s, p, h)
            ON CONFLICT DO NOTHING
            """, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = serviceId });
            insert.Parameters.Add(new NpgsqlParameter { Value = grains.Select(g => g.ToString()).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Name).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.DueAt).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.PeriodMs is > 0 and var ms ? ms : RetryPeriodMs).ToArray() });
            // Orleans stores the grain's uniform hash as a signed integer: each silo reads the rows of its ring range by it.
            insert.Parameters.Add(new NpgsqlParameter { Value = grains.Select(g => unchecked((int)g.GetUniformHashCode())).ToArray() });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var delete = new NpgsqlCommand(
            "DELETE FROM reminders r USING unnest($1::text[], $2::text[], $3::text[]) AS d(t, k, n) WHERE r.grain_type = d.t AND r.grain_key = d.k AND r.name = d.n",
            connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Type).ToArray() });
            delete.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Key).ToArray() });
            delete.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Name).ToArray() });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Count} reminders of the retired runtime into Orleans' reminder table")]
    private static partial void LogMoved(ILogger logger, long count);
}
