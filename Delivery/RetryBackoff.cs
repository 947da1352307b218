namespace O2C.Delivery;

/// <summary>How long a message waits before its next attempt.</summary>
public static class RetryBackoff
{
    /// <summary>
    /// Doubles from <paramref name="initial"/> with each attempt made, up to <paramref name="max"/>,
    /// then keeps half of that and adds a random part of the other half ("equal jitter"): never
    /// sooner than half the nominal wait, and messages that failed together (a server down for all)
    /// do not all come back at the same instant.
    /// </summary>
    /// <param name="attemptsMade">Attempts so far, at least 1.</param>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan After(int attemptsMade, TimeSpan initial, TimeSpan max, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptsMade, 1);
        var doublings = Math.Min(attemptsMade - 1, 30);
        var nominal = Math.Min(initial.Ticks * (double)(1L << doublings), max.Ticks);
        return TimeSpan.FromTicks((long)(nominal / 2 + nominal / 2 * Math.Clamp(random, 0, 1)));
    }
}
