namespace O2C.Runtime.Reminders;

/// <summary>A reminder row this silo holds the lease of while it delivers the tick.</summary>
internal sealed record ClaimedReminder(GrainId Grain, string Name, DateTimeOffset FirstDueAt, DateTimeOffset DueAt, TimeSpan? Period, long Etag, long Seq = 0)
{
    public TickStatus Status => new(FirstDueAt, Period ?? TimeSpan.Zero, DueAt);

    /// <summary>
    /// The first tick strictly after <paramref name="now"/>: a silo that was down for many
    /// periods fires once on recovery, not once per missed tick.
    /// </summary>
    public DateTimeOffset NextDueAfter(DateTimeOffset now)
    {
        var period = Period!.Value;
        var missed = Math.Max(0, (long)Math.Floor((now - DueAt) / period));
        var next = DueAt + period * (missed + 1);
        return next > now ? next : next + period;
    }
}
