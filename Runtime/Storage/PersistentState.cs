using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace O2C.Runtime.Storage;

internal sealed class PersistentState<TState>(GrainId grain, string stateName, GrainStorage storage)
    : IPersistentState<TState>, IActivationState where TState : new()
{
    private long? _version;

    public TState State { get; set; } = new();

    public string? Etag => _version?.ToString(CultureInfo.InvariantCulture);

    public bool RecordExists => _version is not null;

    public async Task ReadStateAsync()
    {
        var stored = await storage.ReadAsync(grain, stateName);
        _version = stored?.Version;
        State = stored is null ? new TState() : JsonSerializer.Deserialize<TState>(stored.Json, RowJson.Options) ?? new TState();
    }

    public Task WriteStateAsync() => WriteStateAsync(new CommitRows());

    public async Task WriteStateAsync(CommitRows alongside)
    {
        var write = new StateWrite(grain, stateName, _version, JsonSerializer.Serialize(State, RowJson.Options));
        await storage.CommitAsync(grain, write, alongside);
        _version = write.NewVersion;
    }

    public async Task ClearStateAsync()
    {
        if (_version is not null)
        {
            await storage.CommitAsync(grain, new StateWrite(grain, stateName, _version, Json: null), new CommitRows());
        }

        _version = null;
        State = new TState();
    }
}
