namespace O2C.Api.Dashboard;

/// <summary>
/// What the sampler keeps, all fixed-size: the last <see cref="HistorySeconds"/> chart points, the
/// last <see cref="WindowSeconds"/> call statistics snapshots (for rates and latency over the window)
/// and a minute of reminder tick counts (for deliveries per minute).
/// </summary>
public sealed class StatisticsHistory
{
    public const int HistorySeconds = 600;
    public const int WindowSeconds = 10;
    private const int MinuteSeconds = 60;

    private readonly Lock _lock = new();
    private readonly Ring<HistoryPoint> _points = new(HistorySeconds);
    private readonly Ring<CallStatistics> _snapshots = new(WindowSeconds + 1);
    private readonly Ring<(DateTimeOffset At, ReminderTicks Counters)> _reminders = new(MinuteSeconds + 1);

    /// <summary>Adds a sample; returns the chart point made of it and the previous sample.</summary>
    public HistoryPoint Add(CallStatistics snapshot, string orderGrainType, string orderMethod)
    {
        lock (_lock)
        {
            var previous = _snapshots.Back(0);
            var minuteAgo = _reminders.Count == 0 ? null : _reminders.Back(MinuteSeconds).Counters;
            var point = DashboardMath.Point(previous, snapshot, minuteAgo, orderGrainType, orderMethod);
            _snapshots.Add(snapshot);
            _reminders.Add((snapshot.TakenAt, snapshot.Reminders));
            if (previous is not null)
            {
                _points.Add(point);
            }

            return point;
        }
    }

    /// <summary>The snapshot about <see cref="WindowSeconds"/> ago (the oldest kept), or null before the first sample.</summary>
    public CallStatistics? WindowStart()
    {
        lock (_lock)
        {
            return _snapshots.Back(WindowSeconds);
        }
    }

    /// <summary>The reminder tick counts about a minute ago (the oldest kept), or null before the first sample.</summary>
    public (DateTimeOffset At, ReminderTicks Counters)? MinuteStart()
    {
        lock (_lock)
        {
            return _reminders.Count == 0 ? null : _reminders.Back(MinuteSeconds);
        }
    }

    /// <summary>Chart points newer than <paramref name="since"/> (Unix ms), oldest first.</summary>
    public IReadOnlyList<HistoryPoint> Points(long since)
    {
        lock (_lock)
        {
            return _points.OldestFirst().Where(p => p.T > since).ToList();
        }
    }
}
