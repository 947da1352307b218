using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace O2C.Api.Dashboard;

/// <summary>
/// Figures of Orleans' reminder table (<c>orleansreminderstable</c>) for this cluster's ServiceId, in
/// one round trip: an exact <c>count(*)</c> up to a million rows, the planner's estimate of the whole
/// table beyond; due and overdue counted over at most <see cref="CountCap"/> rows, oldest first.
/// Orleans stores a reminder's first due time (<c>starttime</c>) and its period in milliseconds, and
/// our grains re-register or remove a reminder when it fires, so a row at or before now is due, and
/// one due more than a period ago has missed a tick: backlog.
/// </summary>
public sealed class ReminderQuery(NpgsqlDataSource dataSource, IOptions<ClusterOptions> cluster)
{
    public const long ExactCountLimit = 1_000_000;
    public const int CountCap = 100_000;

    public const string RegisteredSql = """
        SELECT CASE WHEN c.reltuples > 1000000 THEN c.reltuples::bigint
                    ELSE (SELECT count(*) FROM orleansreminderstable WHERE serviceid = $1) END,
               c.reltuples > 1000000
        FROM pg_class c WHERE c.oid = 'orleansreminderstable'::regclass
        """;

    // Oldest first, so the overdue ones are inside the cap.
    public const string DueSql = """
        SELECT count(*), count(*) FILTER (WHERE starttime + period * interval '1 millisecond' < $2), min(starttime)
        FROM (SELECT starttime, period FROM orleansreminderstable
              WHERE serviceid = $1 AND starttime <= $2 ORDER BY starttime LIMIT 100001) due
        """;

    public string ServiceId => cluster.Value.ServiceId;

    public async Task<(long Registered, bool Estimated, long DueNow, long Overdue, bool Capped, DateTimeOffset? OldestDue)> ReadAsync(
        DateTimeOffset businessNow, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var registered = new NpgsqlBatchCommand(RegisteredSql);
        registered.Parameters.Add(new NpgsqlParameter { Value = ServiceId });
        batch.BatchCommands.Add(registered);
        var due = new NpgsqlBatchCommand(DueSql);
        due.Parameters.Add(new NpgsqlParameter { Value = ServiceId });
        due.Parameters.Add(new NpgsqlParameter { Value = businessNow });
        batch.BatchCommands.Add(due);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (count, estimated) = (reader.GetInt64(0), reader.GetBoolean(1));
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var dueNow = reader.GetInt64(0);
        var oldest = reader.IsDBNull(2) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(2);
        return (count, estimated, Math.Min(dueNow, CountCap), Math.Min(reader.GetInt64(1), CountCap), dueNow > CountCap, oldest);
    }
}
