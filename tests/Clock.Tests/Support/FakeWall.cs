namespace O2C.Clock.Tests.Support;

/// <summary>
/// A wall clock that moves only when told, with timers that fire on <see cref="Advance"/>: lets the
/// Accelerated tests check scaling without sleeping. Single-threaded use only.
/// </summary>
internal sealed class FakeWall(DateTimeOffset now) : TimeProvider
{
    // Like Stopwatch on Linux (nanoseconds), and far from zero like a machine up for months, so
    // scaled timestamps are checked against large raw values.
    private long _timestamp = 8_000_000_000_000_000;

    public DateTimeOffset Now { get; private set; } = now;

    public List<WallTimer> Timers { get; } = [];

    public override DateTimeOffset GetUtcNow() => Now;

    public override long TimestampFrequency => 1_000_000_000;

    public override long GetTimestamp() => _timestamp;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WallTimer(this, callback, state);
        timer.Change(dueTime, period);
        Timers.Add(timer);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        var target = Now + by;
        while (Timers.Where(t => t.Due <= target).OrderBy(t => t.Due).FirstOrDefault() is { } timer)
        {
            Step(timer.Due!.Value - Now);
            timer.Fire();
        }

        Step(target - Now);
    }

    private void Step(TimeSpan by)
    {
        Now += by;
        _timestamp += by.Ticks * 100;
    }
}
