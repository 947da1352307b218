namespace O2C.Runtime.Tests.TestGrains;

[GrainType("counter")]
public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state, LifecycleLog log) : Grain, ICounterGrain
{
    private int _activations;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _activations++;
        log.Record(this.GetPrimaryKeyString(), "activate");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        log.Record(this.GetPrimaryKeyString(), $"deactivate:{reason}");
        return Task.CompletedTask;
    }

    public async Task<int> Increment()
    {
        state.State.Count++;
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public Task<int> Get() => Task.FromResult(state.State.Count);

    public Task<string?> Etag() => Task.FromResult(state.Etag);

    public async Task IncrementWithRows(string note, bool breakProjection)
    {
        state.State.Count++;
        var rows = new CommitRows()
            .Project(
                breakProjection
                    ? "INSERT INTO counter_view (counter_id, count, note) VALUES ($1, $2, NULL)"
                    : "INSERT INTO counter_view (counter_id, count, note) VALUES ($1, $2, $3) ON CONFLICT (counter_id) DO UPDATE SET count = excluded.count, note = excluded.note",
                this.GetPrimaryKeyString(), state.State.Count, note)
            .Audit("Incremented", new { count = state.State.Count, note })
            .Send("counter.incremented", new { id = this.GetPrimaryKeyString(), count = state.State.Count });
        try
        {
            await state.WriteStateAsync(rows);
        }
        catch
        {
            // The write did not happen; the memory must not claim it did.
            state.State.Count--;
            throw;
        }
    }

    public Task Clear() => state.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<int> Activations() => Task.FromResult(_activations);

    public Task Fail() => throw new InvalidOperationException("asked to fail");

    public async Task Spawn(string childKey, int count, bool breakProjection)
    {
        var child = GrainFactory.GetGrain<ICounterGrain>(childKey).GetGrainId();
        state.State.Count++;
        var rows = new CommitRows()
            .Create(child, "counter", new CounterState { Count = count })
            .Audit("Spawned", new { count }, about: child)
            .Remind(child, "wake", DateTimeOffset.UnixEpoch);
        if (breakProjection)
        {
            rows.Project("INSERT INTO no_such_table VALUES (1)");
        }

        try
        {
            await state.WriteStateAsync(rows);
        }
        catch
        {
            state.State.Count--;
            throw;
        }
    }
}
