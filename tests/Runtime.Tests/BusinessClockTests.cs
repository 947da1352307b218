using O2C.Clock;

namespace O2C.Runtime.Tests;

public sealed class BusinessClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_accelerated_clock_runs_speed_times_wall_time_from_its_start()
    {
        var wall = new SteppingWallClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = new BusinessClock(new ClockOptions { Mode = ClockMode.Accelerated, Start = Start, Speed = 3600 }, wall);

        wall.Now += TimeSpan.FromSeconds(2);

        Assert.Equal(Start.AddHours(2), clock.GetUtcNow());
    }

    [Fact]
    public void A_manual_clock_stands_still_until_moved_and_never_moves_back()
    {
        var clock = new BusinessClock(new ClockOptions { Mode = ClockMode.Manual, Start = Start });
        clock.MoveTo(Start.AddDays(3));
        clock.MoveTo(Start.AddDays(1));
        Assert.Equal(Start.AddDays(3), clock.GetUtcNow());
    }

    [Fact]
    public void A_system_clock_reads_the_wall_and_refuses_to_be_moved()
    {
        var wall = new SteppingWallClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = new BusinessClock(new ClockOptions { Mode = ClockMode.System, Start = Start }, wall);
        Assert.Equal(wall.Now, clock.GetUtcNow());
        Assert.Throws<ClockNotManualException>(() => clock.MoveTo(Start.AddDays(1)));
    }

    [Fact]
    public void An_accelerated_clock_needs_a_positive_speed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BusinessClock(new ClockOptions { Mode = ClockMode.Accelerated, Speed = 0 }));
    }

    private sealed class SteppingWallClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
