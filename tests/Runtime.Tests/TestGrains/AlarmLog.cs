using System.Collections.Concurrent;

namespace O2C.Runtime.Tests.TestGrains;

public sealed record AlarmFired(string Grain, string Name, DateTimeOffset ClockAt, TickStatus Status);

/// <summary>Every reminder tick test grains received, with the business time they read.</summary>
public sealed class AlarmLog
{
    private readonly ConcurrentQueue<AlarmFired> _fired = new();

    public void Record(AlarmFired fired) => _fired.Enqueue(fired);

    public IReadOnlyList<AlarmFired> For(string grain) => _fired.Where(f => f.Grain == grain).ToList();
}
