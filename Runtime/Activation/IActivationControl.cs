namespace O2C.Runtime;

/// <summary>Operational control over this silo's activations (tests, benchmarks, admin).</summary>
public interface IActivationControl
{
    int ActivationCount { get; }

    /// <summary>Deactivates every activation idle for at least <paramref name="idleFor"/> now, without waiting for the collector.</summary>
    Task<int> CollectIdleAsync(TimeSpan idleFor);
}
