using Npgsql;

namespace O2C.Api.Audit;

/// <summary>
/// Walks every grain's chain in <c>grain_events</c> (migration 0018) and recomputes each link with the
/// same <c>grain_event_hash</c> the insert trigger used. It finds an edited, deleted or moved event;
/// it cannot find a grain's last events deleted, nor a chain rewritten to its end by someone holding
/// the owner's rights (that needs a head kept elsewhere).
/// </summary>
public sealed class ChainVerifier(NpgsqlDataSource dataSource)
{
    public const int MaxBreaksReported = 100;

    private const string Sql =
        """
        SELECT id, grain_type, grain_key,
               CASE WHEN hash IS DISTINCT FROM recomputed THEN 'edited' ELSE 'link-broken' END
        FROM (SELECT id, grain_type, grain_key, prev_hash, hash,
                     lag(hash) OVER (PARTITION BY grain_type, grain_key ORDER BY id) AS expected_prev,
                     grain_event_hash(prev_hash, id, grain_type, grain_key, occurred_at, recorded_at, kind, data) AS recomputed
              FROM grain_events) links
        WHERE hash IS DISTINCT FROM recomputed OR prev_hash IS DISTINCT FROM expected_prev
        ORDER BY id
        LIMIT $1
        """;

    public async Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        long total;
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM grain_events", connection, transaction))
        {
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        var breaks = new List<ChainBreak>();
        await using (var command = new NpgsqlCommand(Sql, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = MaxBreaksReported });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                breaks.Add(new ChainBreak(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        return new ChainVerification(breaks.Count == 0, total, breaks);
    }
}
