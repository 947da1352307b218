using System.Runtime.CompilerServices;
using System.Collections.Concurrent;

namespace O2C.Runtime.Statistics;

/// <summary>
/// Per grain type and method: calls, errors and a latency histogram; activations per type;
/// reminder counters. Fixed-size aggregates in memory, read by the API and the dashboard.
/// </summary>
public sealed class GrainStatistics(TimeProvider wallClock)
{
    private readonly ConcurrentDictionary<(string GrainType, string Method), MethodStatistics> _methods = new();
    private readonly ConcurrentDictionary<string, StrongBox<long>> _activations = new();
    private readonly LatencyHistogram _reminderLag = new();
    private long _remindersRegistered;
    private long _remindersClaimed;
    private long _remindersDelivered;
    private long _remindersFailed;

    public GrainStatistics() : this(TimeProvider.System)
    {
    }

    public void RecordCall(string grainType, string method, TimeSpan elapsed, bool failed) =>
        _methods.GetOrAdd((grainType, method), static _ => new MethodStatistics()).Record(elapsed, failed);

    public void ActivationAdded(string grainType) =>
        Interlocked.Increment(ref _activations.GetOrAdd(grainType, static _ => new StrongBox<long>()).Value);

    public void ActivationRemoved(string grainType) =>
        Interlocked.Decrement(ref _activations.GetOrAdd(grainType, static _ => new StrongBox<long>()).Value);

    public void ReminderRegistered() => Interlocked.Increment(ref _remindersRegistered);

    public void RemindersClaimed(int count) => Interlocked.Add(ref _remindersClaimed, count);

    public void ReminderDelivered(TimeSpan lag)
    {
        Interlocked.Increment(ref _remindersDelivered);
        _reminderLag.Record(lag < TimeSpan.Zero ? TimeSpan.Zero : lag);
    }

    public void ReminderFailed() => Interlocked.Increment(ref _remindersFailed);

    public RuntimeStatisticsSnapshot Snapshot() => new(
        wallClock.GetUtcNow(),
        _methods.Select(m => new MethodCallSnapshot(m.Key.GrainType, m.Key.Method, m.Value.Latency.Count, m.Value.Errors, m.Value.Latency.Snapshot()))
            .OrderBy(m => m.GrainType, StringComparer.Ordinal).ThenBy(m => m.Method, StringComparer.Ordinal).ToList(),
        _activations.ToDictionary(a => a.Key, a => Interlocked.Read(ref a.Value.Value)),
        new ReminderCounters(
            Interlocked.Read(ref _remindersRegistered),
            Interlocked.Read(ref _remindersClaimed),
            Interlocked.Read(ref _remindersDelivered),
            Interlocked.Read(ref _remindersFailed),
            _reminderLag.Snapshot()));
}
