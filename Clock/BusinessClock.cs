namespace O2C.Clock;

/// <summary>
/// The one source of domain time. Reminder due times are business times, so a manual clock
/// makes a 90-day dunning scenario run in seconds, and an accelerated one makes the demo move.
/// Deliberately not registered as the container's <see cref="TimeProvider"/>: hosting and
/// ASP.NET keep wall time.
/// </summary>
public sealed class BusinessClock : TimeProvider
{
    private readonly TimeProvider _wall;
    private readonly DateTimeOffset _wallAtStart;
    private long _manualTicks;
    private readonly DateTimeOffset _businessAtStart;

    public BusinessClock(ClockOptions options, TimeProvider? wall = null)
    {
        if (options.Mode == ClockMode.Accelerated && !(options.Speed > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Speed, "O2C:Clock:Speed must be positive in Accelerated mode.");
        }

        _wall = wall ?? System;
        Mode = options.Mode;
        Speed = options.Mode == ClockMode.Accelerated ? options.Speed : 1;
        _wallAtStart = _wall.GetUtcNow();
        _businessAtStart = options.Start?.ToUniversalTime() ?? _wallAtStart;
        _manualTicks = _businessAtStart.UtcTicks;
    }

    public ClockMode Mode { get; }

    public double Speed { get; }

    public override DateTimeOffset GetUtcNow() => Mode switch
    {
        ClockMode.Manual => new DateTimeOffset(Interlocked.Read(ref _manualTicks), TimeSpan.Zero),
        ClockMode.Accelerated => _businessAtStart + (_wall.GetUtcNow() - _wallAtStart) * Speed,
        _ => _wall.GetUtcNow(),
    };

    /// <summary>
    /// Moves a manual clock forward to <paramref name="to"/> without delivering anything; the
    /// reminder service's <c>AdvanceAsync</c> is what callers want. Never moves backwards.
    /// </summary>
    internal void MoveTo(DateTimeOffset to)
    {
        if (Mode != ClockMode.Manual)
        {
            throw new ClockNotManualException(Mode);
        }

        var target = to.UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _manualTicks);
            if (target <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _manualTicks, target, current) != current);
    }
}
