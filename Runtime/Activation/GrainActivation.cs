namespace O2C.Runtime.Activation;

/// <summary>
/// One live grain: its instance, its turn lock (calls run one at a time, never interleaved)
/// and its lifecycle. Kept small on purpose: a silo may hold a million of these.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2213:Disposable fields should be disposed", Justification = "SemaphoreSlim only needs disposing when its wait handle was used; ours never is.")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "As above: no wait handle, nothing to dispose.")]
internal sealed class GrainActivation(GrainId id, GrainClass grainClass, GrainRuntime runtime)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private Grain? _grain;
    private int _waiting;
    private long _lastUsed = Environment.TickCount64;
    private bool _deactivationRequested;
    private volatile bool _deactivated;

    public GrainId Id { get; } = id;

    public GrainClass Class { get; } = grainClass;

    public GrainRuntime Runtime { get; } = runtime;

    public TimeSpan IdleFor => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsed));

    public bool IsBusy => Volatile.Read(ref _waiting) > 0;

    public void RequestDeactivation() => _deactivationRequested = true;

    public async Task<object?> InvokeAsync(Func<Grain, Task<object?>> call, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _turn.WaitAsync(cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref _waiting);
            throw;
        }

        try
        {
            if (_deactivated)
            {
                throw new ActivationDeactivatedException();
            }

            _grain ??= await ActivateAsync(cancellationToken);
            return await call(_grain);
        }
        catch (InconsistentStateException)
        {
            // The state in memory lost to a newer version; nothing of this activation may be reused.
            await DeactivateInTurnAsync(DeactivationReason.InconsistentState);
            throw;
        }
        finally
        {
            Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
            if (_deactivationRequested && !_deactivated)
            {
                await DeactivateInTurnAsync(DeactivationReason.ApplicationRequested);
            }

            Interlocked.Decrement(ref _waiting);
            _turn.Release();
        }
    }

    /// <summary>Deactivates if idle and nobody waits; returns false when the grain is busy.</summary>
    public async Task<bool> TryDeactivateAsync(DeactivationReason reason)
    {
        if (IsBusy || !_turn.Wait(0))
        {
            return false;
        }

        try
        {
            if (!_deactivated)
            {
                await DeactivateInTurnAsync(reason);
            }

            return true;
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task<Grain> ActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (grain, states) = Class.Create(Runtime.Services, Id, Runtime.Storage);
            grain.Attach(this);
            foreach (var state in states)
            {
                await state.ReadStateAsync();
            }

            await grain.OnActivateAsync(cancellationToken);
            return grain;
        }
        catch
        {
            _deactivated = true;
            Runtime.Catalog.Remove(this);
            throw;
        }
    }

    private async Task DeactivateInTurnAsync(DeactivationReason reason)
    {
        _deactivated = true;
        Runtime.Catalog.Remove(this);
        var grain = _grain;
        _grain = null;
        if (grain is null || reason == DeactivationReason.InconsistentState)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(Runtime.CallOptions.ResponseTimeout);
            await grain.OnDeactivateAsync(reason, timeout.Token);
        }
        catch (Exception error)
        {
            Runtime.LogDeactivationFailed(Id, reason, error);
        }
    }
}
