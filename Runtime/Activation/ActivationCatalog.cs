using System.Collections.Concurrent;
using O2C.Runtime.Statistics;

namespace O2C.Runtime.Activation;

/// <summary>The silo's live activations, one per grain id.</summary>
internal sealed class ActivationCatalog(GrainStatistics statistics)
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();

    public int Count => _activations.Count;

    public GrainActivation GetOrAdd(GrainId id, GrainClass grainClass, GrainRuntime runtime)
    {
        if (_activations.TryGetValue(id, out var existing))
        {
            return existing;
        }

        var created = new GrainActivation(id, grainClass, runtime);
        var winner = _activations.GetOrAdd(id, created);
        if (ReferenceEquals(winner, created))
        {
            statistics.ActivationAdded(grainClass.TypeName);
        }

        return winner;
    }

    public void Remove(GrainActivation activation)
    {
        if (_activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.Id, activation)))
        {
            statistics.ActivationRemoved(activation.Class.TypeName);
        }
    }

    /// <summary>Deactivates every activation idle for at least <paramref name="age"/>; returns how many.</summary>
    public async Task<int> CollectIdleAsync(TimeSpan age)
    {
        var collected = 0;
        foreach (var activation in _activations.Values)
        {
            if (activation.IdleFor >= age && await activation.TryDeactivateAsync(DeactivationReason.IdleCollection))
            {
                collected++;
            }
        }

        return collected;
    }

    public async Task DeactivateAllAsync()
    {
        foreach (var activation in _activations.Values)
        {
            await activation.TryDeactivateAsync(DeactivationReason.ShuttingDown);
        }
    }
}
