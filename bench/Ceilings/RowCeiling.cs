using Npgsql;
using NpgsqlTypes;
using O2C.Bench.Load;

namespace O2C.Bench.Ceilings;

/// <summary>
/// P-ROW: one-row INSERT plus COMMIT (an autocommitted statement) from <see cref="Connections"/>
/// concurrent connections, into the scratch <c>grain_events</c>: what one commit per request costs.
/// </summary>
public static class RowCeiling
{
    public const int Connections = 64;

    public static async Task<LoadResult> MeasureAsync(NpgsqlDataSource dataSource, TimeSpan duration, CancellationToken cancellationToken)
    {
        // Open every connection before the clock starts.
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(async _ =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await Task.Delay(50, cancellationToken);
        }));

        return await LoadGenerator.RunAsync(LoadShape.Closed(Connections, duration: duration), async (sequence, token) =>
        {
            await using var command = dataSource.CreateCommand(
                $"INSERT INTO {ScratchSchema.Name}.grain_events (grain_type, grain_key, occurred_at, kind, data) VALUES ('invoice', $1, now(), 'InvoiceIssued', $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = $"prow-{sequence}" });
            command.Parameters.Add(new NpgsqlParameter { Value = $$"""{"orderId":"prow-{{sequence}}","total":123.45}""", NpgsqlDbType = NpgsqlDbType.Jsonb });
            await command.ExecuteNonQueryAsync(token);
            return 1;
        }, cancellationToken);
    }
}
