namespace O2C.Clock;

/// <summary>
/// The one source of domain time, and a full <see cref="TimeProvider"/>: Orleans' reminder service
/// reads due times from it and waits on its timers, so a Manual clock makes a 90-day dunning scenario
/// run in seconds and an Accelerated one makes the demo move.
/// Deliberately not the container's <see cref="TimeProvider"/>: hosting, membership and ASP.NET keep
/// wall time.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Manual</b>: time stands still until <see cref="MoveTo"/>; timers fire on the move, in due
/// order; timestamps are business ticks, so <see cref="TimeProvider.GetElapsedTime(long)"/> measures
/// business time.</item>
/// <item><b>Accelerated</b>: business time is the anchor plus wall time elapsed times
/// <see cref="Speed"/>; timers and timestamps are scaled alike.</item>
/// <item><b>System</b>: the wall clock, unchanged.</item>
/// </list>
/// All members are thread-safe. <see cref="ClusterClock"/> aligns the clock with the cluster's anchor
/// at start and carries Manual moves between silos.
/// </remarks>
public sealed class BusinessClock : TimeProvider
{
    private readonly ManualTimeline _manual;
    private readonly double _businessTicksPerWallTimestamp;
    private readonly long _wallTimestampAtStart;
    private volatile ClockAnchor _anchor;

    // Until the clock adopts the cluster's anchor or is moved, its reading is only a seed from
    // configuration, and adopting the anchor may take it backwards.
    private volatile bool _settled;

    public BusinessClock(ClockOptions options, TimeProvider? wall = null)
    {
        if (options.Mode == ClockMode.Accelerated && !(options.Speed > 0 && double.IsFinite(options.Speed)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Speed, "O2C:Clock:Speed must be positive in Accelerated mode.");
        }

        Wall = wall ?? System;
        Mode = options.Mode;
        Speed = options.Mode == ClockMode.Accelerated ? options.Speed : 1;
        var wallNow = Wall.GetUtcNow();
        var start = options.Start?.ToUniversalTime() ?? wallNow;
        _anchor = new ClockAnchor(Mode, start, wallNow, Speed);
        _manual = new ManualTimeline(start);
        _wallTimestampAtStart = Wall.GetTimestamp();
        _businessTicksPerWallTimestamp = Speed * TimeSpan.TicksPerSecond / Wall.TimestampFrequency;
    }

    /// <summary>A Manual clock standing at <paramref name="start"/>.</summary>
    public static BusinessClock Manual(DateTimeOffset start, TimeProvider? wall = null) =>
        new(new ClockOptions { Mode = ClockMode.Manual, Start = start }, wall);

    /// <summary>An Accelerated clock reading <paramref name="start"/> now and running <paramref name="speed"/> times the wall.</summary>
    public static BusinessClock Accelerated(DateTimeOffset start, double speed, TimeProvider? wall = null) =>
        new(new ClockOptions { Mode = ClockMode.Accelerated, Start = start, Speed = speed }, wall);

    public ClockMode Mode { get; }

    /// <summary>Business seconds per wall second: the configured speed when Accelerated, else 1.</summary>
    public double Speed { get; }

    /// <summary>The wall clock underneath (anchors record wall time; Accelerated and System read it).</summary>
    internal TimeProvider Wall { get; }

    public override DateTimeOffset GetUtcNow() => Mode switch
    {
        ClockMode.Manual => _manual.Now,
        ClockMode.Accelerated => _anchor.BusinessTimeAt(Wall.GetUtcNow()),
        _ => Wall.GetUtcNow(),
    };

    public override long TimestampFrequency => Mode == ClockMode.System ? Wall.TimestampFrequency : TimeSpan.TicksPerSecond;

    // Business ticks for Manual and Accelerated. Accelerated counts from this clock's creation on the
    // monotonic wall timestamp (not the adjustable wall time), which keeps the product far from overflow.
    public override long GetTimestamp() => Mode switch
    {
        ClockMode.Manual => _manual.NowTicks,
        ClockMode.Accelerated => (long)((Wall.GetTimestamp() - _wallTimestampAtStart) * _businessTicksPerWallTimestamp),
        _ => Wall.GetTimestamp(),
    };

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Mode switch
        {
            ClockMode.Manual => _manual.CreateTimer(callback, state, dueTime, period),
            ClockMode.Accelerated => new ScaledTimer(Wall, Speed, callback, state, dueTime, period),
            _ => Wall.CreateTimer(callback, state, dueTime, period),
        };
    }

    /// <summary>
    /// Moves this Manual clock forward to <paramref name="to"/>, firing the timers due on the way in
    /// due order, each with the clock standing at its due time. Never moves backwards (an earlier
    /// <paramref name="to"/> does nothing). Local only: <see cref="ClusterClock.MoveToAsync"/> moves
    /// every silo.
    /// </summary>
    /// <exception cref="ClockNotManualException">The clock is not Manual.</exception>
    /// <exception cref="AggregateException">Timer callbacks threw (one alone is rethrown as is); the move completed regardless.</exception>
    public void MoveTo(DateTimeOffset to)
    {
        if (Mode != ClockMode.Manual)
        {
            throw new ClockNotManualException(Mode);
        }

        _settled = true;
        _manual.MoveTo(to);
    }

    /// <summary>The anchor this clock runs on now (the row to write when the cluster has none).</summary>
    internal ClockAnchor CurrentAnchor()
    {
        var wallNow = Wall.GetUtcNow();
        return Mode switch
        {
            ClockMode.Manual => new ClockAnchor(Mode, _manual.Now, wallNow, 1),
            ClockMode.Accelerated => _anchor,
            _ => new ClockAnchor(Mode, wallNow, wallNow, 1),
        };
    }

    /// <summary>
    /// Adopts the cluster's anchor (same mode as this clock). The first adoption takes it as is, even
    /// backwards from the configured seed; later ones (a clock shared by in-process silos) only move
    /// business time forward.
    /// </summary>
    internal void Resume(ClockAnchor anchor)
    {
        if (anchor.Mode != Mode)
        {
            throw new ArgumentException($"A {Mode} clock cannot resume from a {anchor.Mode} anchor.", nameof(anchor));
        }

        var first = !_settled;
        _settled = true;
        switch (Mode)
        {
            case ClockMode.Manual when first:
                _manual.Reset(anchor.BusinessTime);
                break;
            case ClockMode.Manual:
                _manual.MoveTo(anchor.BusinessTime);
                break;
            case ClockMode.Accelerated:
                var wallNow = Wall.GetUtcNow();
                if (first || anchor.BusinessTimeAt(wallNow) >= _anchor.BusinessTimeAt(wallNow))
                {
                    _anchor = anchor with { Speed = Speed };
                }

                break;
        }
    }
}
