using System.Globalization;
using System.Text.Json;
using Orleans.Runtime;
using Orleans.Storage;

namespace O2C.Storage;

/// <summary>
/// Orleans grain storage on our <c>grain_state</c> table: a state write commits together with the
/// rows staged on it (<see cref="StateWithRows"/>: query rows, audit events, outbox messages), and
/// the writes of many grains share transactions (<see cref="GroupCommitter"/>). The stock AdoNet
/// provider writes each state in its own transaction and cannot carry the rows; bench/README.md
/// has both side by side. States are stored as camelCase JSON without .NET type names, so renaming a
/// class does not orphan what is stored.
/// </summary>
public sealed class O2CGrainStorage : IGrainStorage
{
    private readonly GroupReader _reader;
    private readonly GrainRows _rows;

    internal O2CGrainStorage(GroupReader reader, GrainRows rows)
    {
        _reader = reader;
        _rows = rows;
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await _reader.ReadAsync(StateRowKey.Of(grainId), stateName);
        if (stored is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = JsonSerializer.Deserialize<T>(stored.Json, RowJson.Options) ?? Activator.CreateInstance<T>();
        grainState.ETag = stored.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var rows = grainState.State is StateWithRows carrier ? carrier.Staged : null;
        var write = new StateWrite(StateRowKey.Of(grainId), stateName, Version(grainState.ETag), JsonSerializer.Serialize(grainState.State, RowJson.Options));
        await _rows.CommitAsync(grainId, write, rows);
        if (grainState.State is StateWithRows written)
        {
            written.Staged = null;
        }

        grainState.ETag = write.NewVersion.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Version(grainState.ETag) is { } version)
        {
            await _rows.CommitAsync(grainId, new StateWrite(StateRowKey.Of(grainId), stateName, version, Json: null), rows: null);
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static long? Version(string? etag) => etag is null ? null : long.Parse(etag, CultureInfo.InvariantCulture);
}
