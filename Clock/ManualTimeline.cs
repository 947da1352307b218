using System.Runtime.ExceptionServices;

namespace O2C.Clock;

/// <summary>
/// Business time of a Manual clock and the timers waiting on it. Time stands still until moved;
/// a move fires the timers due on the way in due order, standing at each one's due time while its
/// callback runs, as Microsoft.Extensions.TimeProvider.Testing's FakeTimeProvider does on Advance.
/// </summary>
/// <remarks>
/// Callbacks run on the moving thread after the lock is released, so a callback may change, dispose
/// or create timers (Task.Delay disposes its own) and even move the clock. A periodic timer fires
/// once per period passed: a one-tick period and a jump of years is a long loop.
/// </remarks>
internal sealed class ManualTimeline
{
    private readonly Lock _gate = new();
    private readonly SortedSet<ManualTimer> _scheduled = new(ManualTimer.DueOrder);
    private long _nowTicks;
    private long _sequence;

    public ManualTimeline(DateTimeOffset start) => _nowTicks = start.UtcTicks;

    public long NowTicks => Volatile.Read(ref _nowTicks);

    public DateTimeOffset Now => new(NowTicks, TimeSpan.Zero);

    public ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        Schedule(timer, dueTime, period);
        return timer;
    }

    public bool Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, nameof(dueTime));
        Validate(period, nameof(period));
        lock (_gate)
        {
            if (timer.IsDisposed)
            {
                return false;
            }

            Unschedule(timer);
            timer.PeriodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            timer.DueTicks = Add(_nowTicks, dueTime.Ticks);
            if (dueTime > TimeSpan.Zero)
            {
                Insert(timer);
                return true;
            }

            // Due now: never on the creating thread (Task.Delay has not even stored the timer yet),
            // but on the thread pool, as a system timer would.
            Reschedule(timer);
        }

        ThreadPool.UnsafeQueueUserWorkItem(static timer => timer.Fire(), timer, preferLocal: false);
        return true;
    }

    public void Cancel(ManualTimer timer)
    {
        lock (_gate)
        {
            timer.IsDisposed = true;
            Unschedule(timer);
        }
    }

    /// <summary>Moves to <paramref name="to"/> (never backwards), firing every timer due on the way.</summary>
    /// <exception cref="AggregateException">Callbacks threw; the move was completed regardless.</exception>
    public void MoveTo(DateTimeOffset to)
    {
        var target = to.UtcTicks;
        List<Exception>? failures = null;
        while (NextDue(target) is { } timer)
        {
            try
            {
                timer.Fire();
            }
            catch (Exception e)
            {
                (failures ??= []).Add(e);
            }
        }

        if (failures is [var single])
        {
            ExceptionDispatchInfo.Throw(single);
        }

        if (failures is not null)
        {
            throw new AggregateException("Business clock timer callbacks failed during a move.", failures);
        }
    }

    /// <summary>Sets the time even backwards: only for adopting the cluster's anchor at start.</summary>
    public void Reset(DateTimeOffset to)
    {
        if (to.UtcTicks >= NowTicks)
        {
            MoveTo(to);
            return;
        }

        lock (_gate)
        {
            Volatile.Write(ref _nowTicks, to.UtcTicks);
        }
    }

    // Takes the first timer due by target and stands the clock at its due time; when none is left,
    // stands the clock at target. Never moves time backwards, even with concurrent movers.
    private ManualTimer? NextDue(long target)
    {
        lock (_gate)
        {
            if (_scheduled.Count > 0 && _scheduled.Min!.DueTicks <= target)
            {
                var timer = _scheduled.Min;
                _scheduled.Remove(timer);
                timer.IsScheduled = false;
                StandAt(timer.DueTicks);
                Reschedule(timer);
                return timer;
            }

            StandAt(target);
            return null;
        }
    }

    private void StandAt(long ticks)
    {
        if (ticks > _nowTicks)
        {
            Volatile.Write(ref _nowTicks, ticks);
        }
    }

    // After a firing: a periodic timer's next due time is one period after this one's.
    private void Reschedule(ManualTimer timer)
    {
        if (timer.PeriodTicks > 0)
        {
            timer.DueTicks = Add(timer.DueTicks, timer.PeriodTicks);
            Insert(timer);
        }
    }

    private void Insert(ManualTimer timer)
    {
        timer.Sequence = ++_sequence;
        timer.IsScheduled = true;
        _scheduled.Add(timer);
    }

    private void Unschedule(ManualTimer timer)
    {
        if (timer.IsScheduled)
        {
            _scheduled.Remove(timer);
            timer.IsScheduled = false;
        }
    }

    private static long Add(long ticks, long delta) => delta > long.MaxValue - ticks ? long.MaxValue : ticks + delta;

    private static void Validate(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "A timer's due time and period must be positive, zero or Timeout.InfiniteTimeSpan.");
        }
    }
}
