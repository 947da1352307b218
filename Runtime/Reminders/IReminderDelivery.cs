using O2C.Clock;

namespace O2C.Runtime;

/// <summary>Drives the business clock and reminder delivery by hand (manual clock mode).</summary>
public interface IReminderDelivery
{
    /// <summary>
    /// Moves a manual clock to <paramref name="to"/>, delivering every reminder due at or before it
    /// in due-time order, with the clock reading each reminder's due time while it is delivered,
    /// including reminders those deliveries register. Returns when nothing due at or before
    /// <paramref name="to"/> is left. Throws <see cref="ClockNotManualException"/> otherwise.
    /// </summary>
    Task<ClockAdvance> AdvanceClockAsync(DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Delivers whatever is due now, once (the poller does this on its own).</summary>
    Task<int> DeliverDueNowAsync(CancellationToken cancellationToken = default);
}
