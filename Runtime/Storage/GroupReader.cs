using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace O2C.Runtime.Storage;

/// <summary>
/// Reads grain state rows for many activations in one round trip. A month-end storm activates
/// thousands of invoices at once; each would otherwise cost its own query.
/// </summary>
internal sealed class GroupReader(NpgsqlDataSource dataSource, IOptions<GrainStorageOptions> options) : IHostedService
{
    private readonly MicroBatcher<PendingRead> _batcher = new(
        options.Value.MaxBatchSize,
        options.Value.Writers,
        batch => ReadBatchAsync(batch, dataSource),
        pending => pending.Fail(new InvalidOperationException("The silo is stopping; no more reads are accepted.")));

    public Task<StoredState?> ReadAsync(GrainId grain, string stateName)
    {
        var pending = new PendingRead(grain, stateName);
        _batcher.Enqueue(pending);
        return pending.Completion;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _batcher.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _batcher.StopAsync(cancellationToken);

    private static async Task ReadBatchAsync(List<PendingRead> batch, NpgsqlDataSource dataSource)
    {
        try
        {
            await using var command = dataSource.CreateCommand(
                """
                SELECT s.grain_type, s.grain_key, s.state_name, s.version, s.state::text
                FROM unnest($1::text[], $2::text[], $3::text[]) AS k(t, k, n)
                JOIN grain_state s ON s.grain_type = k.t AND s.grain_key = k.k AND s.state_name = k.n
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(p => p.Grain.Type).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(p => p.Grain.Key).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(p => p.StateName).ToArray() });
            var found = new Dictionary<(string, string, string), StoredState>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    found[(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = new StoredState(reader.GetInt64(3), reader.GetString(4));
                }
            }

            foreach (var pending in batch)
            {
                pending.Complete(found.GetValueOrDefault((pending.Grain.Type, pending.Grain.Key, pending.StateName)));
            }
        }
        catch (Exception error)
        {
            foreach (var pending in batch)
            {
                pending.Fail(error);
            }
        }
    }
}
