using O2C.Clock.Tests.Support;

namespace O2C.Clock.Tests;

public sealed class SystemClockTests
{
    private readonly FakeWall _wall = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_system_clock_reads_the_wall_and_refuses_to_be_moved()
    {
        var clock = new BusinessClock(new ClockOptions { Mode = ClockMode.System, Start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero) }, _wall);

        Assert.Equal(_wall.Now, clock.GetUtcNow());
        Assert.Throws<ClockNotManualException>(() => clock.MoveTo(_wall.Now.AddDays(1)));
    }

    [Fact]
    public void A_system_clock_leaves_timers_and_timestamps_to_the_wall()
    {
        var clock = new BusinessClock(new ClockOptions { Mode = ClockMode.System }, _wall);

        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromHours(1), TimeSpan.FromHours(2));

        var wallTimer = Assert.Single(_wall.Timers);
        Assert.Equal(TimeSpan.FromHours(1), wallTimer.DueTime);
        Assert.Equal(TimeSpan.FromHours(2), wallTimer.Period);
        Assert.Equal(_wall.GetTimestamp(), clock.GetTimestamp());
        Assert.Equal(_wall.TimestampFrequency, clock.TimestampFrequency);
    }
}
