using System.Diagnostics;
using Npgsql;
using O2C.Bench.Load;

namespace O2C.Bench.Ceilings;

/// <summary>
/// P-Q: a raw SQL loop over a scratch <c>reminders</c> table of <c>rows</c> due rows: each round claims
/// 100 due rows with <c>FOR UPDATE SKIP LOCKED</c>, updates them (lease taken, moved past the horizon) and
/// commits, until none is left. The ceiling of a reminder storm.
/// </summary>
public static class QueueCeiling
{
    public const int ClaimSize = 100;

    private static readonly string Claim = $"""
        WITH due AS (
            SELECT grain_type, grain_key, name FROM {ScratchSchema.Name}.reminders
            WHERE due_at <= now() AND (lease_until IS NULL OR lease_until < now())
            ORDER BY due_at LIMIT {ClaimSize} FOR UPDATE SKIP LOCKED)
        UPDATE {ScratchSchema.Name}.reminders r
        SET lease_owner = 'bench', lease_until = now() + interval '1 minute', due_at = 'infinity', etag = r.etag + 1
        FROM due
        WHERE r.grain_type = due.grain_type AND r.grain_key = due.grain_key AND r.name = due.name
        """;

    public static async Task<LoadResult> MeasureAsync(NpgsqlDataSource dataSource, int rows, CancellationToken cancellationToken)
    {
        // P-COPY left its own reminder rows here: start from exactly `rows` due rows.
        await using (var truncate = dataSource.CreateCommand($"TRUNCATE {ScratchSchema.Name}.reminders"))
        {
            await truncate.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var fill = dataSource.CreateCommand($"""
            INSERT INTO {ScratchSchema.Name}.reminders (grain_type, grain_key, name, first_due_at, due_at, period_ms, etag)
            SELECT 'invoice', 'INV-pq-' || g, 'due-date', t, t, NULL, 1
            FROM generate_series(1, $1) g, LATERAL (SELECT now() - interval '1 day' + g * interval '1 millisecond' AS t) due
            """))
        {
            fill.Parameters.Add(new NpgsqlParameter { Value = rows });
            await fill.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var analyze = dataSource.CreateCommand($"ANALYZE {ScratchSchema.Name}.reminders"))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        var latency = new LatencyHistogram();
        var claimed = 0L;
        var rounds = 0L;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var cpu = MachineCpu.Read();
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var round = Stopwatch.GetTimestamp();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(Claim, connection, transaction);
            var count = await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (count == 0)
            {
                break;
            }

            latency.Record(Stopwatch.GetElapsedTime(round));
            claimed += count;
            rounds++;
        }

        return new LoadResult(rounds, claimed, 0, Stopwatch.GetElapsedTime(started), latency.Summarize(), null) { MachineCpu = MachineCpu.BusySince(cpu) };
    }
}
