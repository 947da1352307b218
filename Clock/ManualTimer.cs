namespace O2C.Clock;

/// <summary>
/// A timer on a Manual clock: it fires when business time is moved to or past its due time. Its
/// schedule (<see cref="DueTicks"/>, <see cref="PeriodTicks"/>) belongs to <see cref="ManualTimeline"/>
/// and changes only under the timeline's lock.
/// </summary>
internal sealed class ManualTimer : ITimer
{
    /// <summary>Due order; timers due at one instant fire in the order they were scheduled.</summary>
    public static readonly IComparer<ManualTimer> DueOrder = Comparer<ManualTimer>.Create((a, b) =>
    {
        var byDue = a.DueTicks.CompareTo(b.DueTicks);
        return byDue != 0 ? byDue : a.Sequence.CompareTo(b.Sequence);
    });

    private readonly ManualTimeline _timeline;
    private readonly TimerCallback _callback;
    private readonly object? _state;

    // Like System.Threading.Timer, the callback runs in the context of whoever created the timer,
    // not in that of whoever happens to move the clock.
    private readonly ExecutionContext? _context = ExecutionContext.Capture();

    public ManualTimer(ManualTimeline timeline, TimerCallback callback, object? state)
    {
        _timeline = timeline;
        _callback = callback;
        _state = state;
    }

    public long DueTicks { get; set; }

    /// <summary>Zero for a one-shot timer.</summary>
    public long PeriodTicks { get; set; }

    public long Sequence { get; set; }

    public bool IsScheduled { get; set; }

    public bool IsDisposed { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period) => _timeline.Schedule(this, dueTime, period);

    public void Dispose() => _timeline.Cancel(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Fire()
    {
        if (_context is null)
        {
            _callback(_state);
            return;
        }

        ExecutionContext.Run(_context, static timer => ((ManualTimer)timer!)._callback(((ManualTimer)timer!)._state), this);
    }
}
