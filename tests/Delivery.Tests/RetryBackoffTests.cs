namespace O2C.Delivery.Tests;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(8, 3600)] // 30 s * 2^7 = 3840 s, capped at an hour
    [InlineData(1000, 3600)]
    public void The_wait_doubles_with_each_attempt_up_to_the_cap_and_jitter_keeps_between_half_and_all_of_it(int attemptsMade, int nominalSeconds)
    {
        var nominal = TimeSpan.FromSeconds(nominalSeconds);

        Assert.Equal(nominal / 2, RetryBackoff.After(attemptsMade, Initial, Max, random: 0));
        Assert.Equal(nominal * 0.75, RetryBackoff.After(attemptsMade, Initial, Max, random: 0.5));
        Assert.InRange(RetryBackoff.After(attemptsMade, Initial, Max, random: 0.999999), nominal * 0.9999, nominal);
    }

    [Fact]
    public void No_backoff_configured_means_no_wait()
    {
        Assert.Equal(TimeSpan.Zero, RetryBackoff.After(3, TimeSpan.Zero, TimeSpan.Zero, random: 0.7));
    }
}
