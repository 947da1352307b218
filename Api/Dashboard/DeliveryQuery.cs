using Npgsql;
using O2C.Grains.Interfaces.Customers;

namespace O2C.Api.Dashboard;

/// <summary>
/// The delivery panel in one round trip of three statements, each an index range bounded by what is
/// live (messages still to send) or recent (settled in the last business day, the latest errors).
/// </summary>
public sealed class DeliveryQuery(NpgsqlDataSource dataSource)
{
    public const string PendingSql = """
        SELECT channel, status, count(*), min(created_at) FROM messages WHERE status IN ('Queued', 'Sending') GROUP BY 1, 2
        """;

    public const string SettledSql = """
        SELECT channel, status, count(*) FROM messages WHERE finished_at IS NOT NULL AND finished_at > $1 GROUP BY 1, 2
        """;

    public const string ErrorsSql = """
        SELECT message_id, channel, status, attempts, last_error, last_attempt_at FROM messages
        WHERE last_error IS NOT NULL AND last_attempt_at IS NOT NULL ORDER BY last_attempt_at DESC LIMIT 5
        """;

    private static readonly TimeSpan SettledWindow = TimeSpan.FromDays(1);

    public async Task<DeliveryView> ReadAsync(DateTimeOffset businessNow, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(PendingSql));
        var settled = new NpgsqlBatchCommand(SettledSql);
        settled.Parameters.Add(new NpgsqlParameter { Value = businessNow - SettledWindow });
        batch.BatchCommands.Add(settled);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(ErrorsSql));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        var counts = new Dictionary<(string Channel, string Status), long>();
        var oldest = new Dictionary<string, DateTimeOffset>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
            var created = reader.GetFieldValue<DateTimeOffset>(3);
            if (reader.GetString(1) == "Queued")
            {
                oldest[reader.GetString(0)] = created;
            }
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        await reader.NextResultAsync(cancellationToken);
        var errors = new List<DeliveryErrorView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            errors.Add(new DeliveryErrorView(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        var channels = Enum.GetNames<Channel>().Select(channel => new ChannelDeliveryView(
            channel,
            counts.GetValueOrDefault((channel, "Queued")),
            counts.GetValueOrDefault((channel, "Sending")),
            counts.GetValueOrDefault((channel, "Sent")),
            counts.GetValueOrDefault((channel, "Failed")),
            counts.GetValueOrDefault((channel, "Cancelled")),
            oldest.TryGetValue(channel, out var since) ? Math.Max(0, Math.Round((businessNow - since).TotalSeconds, 1)) : null)).ToList();
        return new DeliveryView(businessNow, channels, errors);
    }
}
