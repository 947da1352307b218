using Microsoft.Extensions.Options;
using Npgsql;

namespace O2C.Storage;

/// <summary>
/// Reads grain state rows for many activations in one round trip. A month-end storm activates
/// thousands of invoices at once; each would otherwise cost its own query.
/// </summary>
internal sealed class GroupReader : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupQuery<(StateRowKey Grain, string StateName), StoredState?> _query;

    public GroupReader(NpgsqlDataSource dataSource, IOptions<GrainStorageOptions> options)
    {
        _dataSource = dataSource;
        _query = new(ReadBatchAsync, missing: null, options.Value.MaxBatchSize, options.Value.Writers);
    }

    public Task<StoredState?> ReadAsync(StateRowKey grain, string stateName) => _query.GetAsync((grain, stateName));

    public ValueTask DisposeAsync() => _query.DisposeAsync();

    private async Task<IReadOnlyDictionary<(StateRowKey Grain, string StateName), StoredState?>> ReadBatchAsync(IReadOnlyList<(StateRowKey Grain, string StateName)> keys)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT s.grain_type, s.grain_key, s.state_name, s.version, s.state::text
            FROM unnest($1::text[], $2::text[], $3::text[]) AS k(t, k, n)
            JOIN grain_state s ON s.grain_type = k.t AND s.grain_key = k.k AND s.state_name = k.n
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Grain.Type).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Grain.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.StateName).ToArray() });
        var found = new Dictionary<(StateRowKey Grain, string StateName), StoredState?>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found[(new StateRowKey(reader.GetString(0), reader.GetString(1)), reader.GetString(2))] = new StoredState(reader.GetInt64(3), reader.GetString(4));
        }

        return found;
    }
}
