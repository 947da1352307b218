namespace O2C.Clock.Tests.Support;

/// <summary>A timer of <see cref="FakeWall"/>, showing the wall due time and period it was given.</summary>
internal sealed class WallTimer(FakeWall wall, TimerCallback callback, object? state) : ITimer
{
    public TimeSpan DueTime { get; private set; }

    public TimeSpan Period { get; private set; }

    public DateTimeOffset? Due { get; private set; }

    public bool IsDisposed { get; private set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (IsDisposed)
        {
            return false;
        }

        DueTime = dueTime;
        Period = period;
        Due = dueTime == Timeout.InfiniteTimeSpan ? null : wall.Now + dueTime;
        return true;
    }

    public void Fire()
    {
        Due = Period > TimeSpan.Zero ? Due + Period : null;
        callback(state);
    }

    public void Dispose()
    {
        IsDisposed = true;
        Due = null;
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
