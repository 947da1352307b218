namespace O2C.Clock.Tests.Support;

internal static class ClockWaits
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Completes when the clock stands at <paramref name="time"/> or later: a timer on the clock itself, so
    /// no sleeping and no polling. Call it before the move is made (the timer counts from business now).
    /// </summary>
    public static Task ReachedAsync(this BusinessClock clock, DateTimeOffset time)
    {
        var remaining = time - clock.GetUtcNow();
        return remaining > TimeSpan.Zero ? Task.Delay(remaining, clock) : Task.CompletedTask;
    }

    /// <summary>Polls <paramref name="condition"/> until true, failing after <see cref="Timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(20);
        }
    }
}
