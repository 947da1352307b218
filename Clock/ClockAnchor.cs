namespace O2C.Clock;

/// <summary>
/// What every silo agrees on about business time: the row of <c>business_clock</c>. A Manual clock
/// stands at <see cref="BusinessTime"/>; an Accelerated one read <see cref="BusinessTime"/> when the
/// wall read <see cref="WallTime"/> and runs <see cref="Speed"/> times faster since; a System clock
/// is the wall.
/// </summary>
public sealed record ClockAnchor(ClockMode Mode, DateTimeOffset BusinessTime, DateTimeOffset WallTime, double Speed)
{
    /// <summary>Business time when the wall reads <paramref name="wallNow"/>.</summary>
    public DateTimeOffset BusinessTimeAt(DateTimeOffset wallNow) => Mode switch
    {
        ClockMode.Manual => BusinessTime,
        // A silo whose wall lags the one that wrote the anchor must not see time before the anchor.
        ClockMode.Accelerated => BusinessTime + (wallNow > WallTime ? wallNow - WallTime : TimeSpan.Zero) * Speed,
        _ => wallNow,
    };

    /// <summary>
    /// The anchor a silo configured with <paramref name="mode"/> and <paramref name="speed"/> continues
    /// from. Configuration wins for mode and speed; business time continues from this anchor (never
    /// backwards), except that a System clock is the wall by definition. Returns this anchor itself when
    /// nothing changes, so silos agreeing with it keep one shared Accelerated anchor.
    /// </summary>
    public ClockAnchor ContinueAs(ClockMode mode, double speed, DateTimeOffset wallNow)
    {
        var effectiveSpeed = mode == ClockMode.Accelerated ? speed : 1;
        if (mode == Mode && (mode != ClockMode.Accelerated || effectiveSpeed.Equals(Speed)))
        {
            return this;
        }

        var business = mode == ClockMode.System ? wallNow : BusinessTimeAt(wallNow);
        return new ClockAnchor(mode, business, wallNow, effectiveSpeed).ToMicroseconds();
    }

    /// <summary>
    /// PostgreSQL keeps microseconds; rounding down here keeps every silo on the value the row returns.
    /// </summary>
    public ClockAnchor ToMicroseconds() => this with
    {
        BusinessTime = Microseconds(BusinessTime),
        WallTime = Microseconds(WallTime),
    };

    internal static DateTimeOffset Microseconds(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }
}
