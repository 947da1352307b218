namespace O2C.Clock;

/// <summary>
/// A timer of an Accelerated clock: a wall timer whose due time and period are the business ones
/// divided by the speed, so it fires when business time has moved by the requested amount.
/// </summary>
internal sealed class ScaledTimer : ITimer
{
    // The longest wait a system timer accepts (uint.MaxValue - 1 ms).
    private const double MaxWallMilliseconds = 4294967294;

    private readonly ITimer _wallTimer;
    private readonly double _speed;

    public ScaledTimer(TimeProvider wall, double speed, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _speed = speed;
        _wallTimer = wall.CreateTimer(callback, state, ToWall(dueTime, speed), ToWall(period, speed));
    }

    public bool Change(TimeSpan dueTime, TimeSpan period) => _wallTimer.Change(ToWall(dueTime, _speed), ToWall(period, _speed));

    public void Dispose() => _wallTimer.Dispose();

    public ValueTask DisposeAsync() => _wallTimer.DisposeAsync();

    /// <summary>
    /// Wall time for a business span. Rounded up to whole milliseconds, the resolution of system
    /// timers, so a timer never fires before its business due time; a slow clock (speed below 1)
    /// waits at most the system maximum and may then fire early.
    /// </summary>
    public static TimeSpan ToWall(TimeSpan business, double speed)
    {
        if (business <= TimeSpan.Zero)
        {
            return business; // zero, Timeout.InfiniteTimeSpan, or invalid: the wall timer decides
        }

        return TimeSpan.FromMilliseconds(Math.Min(Math.Ceiling(business.TotalMilliseconds / speed), MaxWallMilliseconds));
    }
}
