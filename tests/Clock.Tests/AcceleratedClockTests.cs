using O2C.Clock.Tests.Support;

namespace O2C.Clock.Tests;

public sealed class AcceleratedClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeWall _wall = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_accelerated_clock_runs_speed_times_wall_time_from_its_start()
    {
        var clock = BusinessClock.Accelerated(Start, 3600, _wall);

        _wall.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(Start.AddHours(2), clock.GetUtcNow());
    }

    [Fact]
    public void Timers_wait_the_business_delay_divided_by_the_speed()
    {
        var clock = BusinessClock.Accelerated(Start, 3600, _wall);
        var fired = new List<DateTimeOffset>();

        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromHours(1), TimeSpan.FromHours(2));

        var wallTimer = Assert.Single(_wall.Timers);
        Assert.Equal(TimeSpan.FromSeconds(1), wallTimer.DueTime);
        Assert.Equal(TimeSpan.FromSeconds(2), wallTimer.Period);

        _wall.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Empty(fired);
        _wall.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([Start.AddHours(1)], fired);
        _wall.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([Start.AddHours(1), Start.AddHours(3)], fired);
    }

    [Fact]
    public void Change_is_scaled_too_and_Dispose_reaches_the_wall_timer()
    {
        var clock = BusinessClock.Accelerated(Start, 3600, _wall);
        var timer = clock.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var wallTimer = Assert.Single(_wall.Timers);
        Assert.Equal(Timeout.InfiniteTimeSpan, wallTimer.DueTime);

        timer.Change(TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan);
        Assert.Equal(TimeSpan.FromMilliseconds(500), wallTimer.DueTime);

        timer.Dispose();
        Assert.True(wallTimer.IsDisposed);
    }

    [Fact]
    public void A_scaled_wait_is_rounded_up_so_it_never_ends_before_its_business_due_time()
    {
        var clock = BusinessClock.Accelerated(Start, 43200, _wall);

        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        Assert.Equal(TimeSpan.FromMilliseconds(1), Assert.Single(_wall.Timers).DueTime);
    }

    [Fact]
    public async Task Task_Delay_on_the_clock_completes_after_the_scaled_wall_time()
    {
        var clock = BusinessClock.Accelerated(Start, 3600, _wall);

        var delay = Task.Delay(TimeSpan.FromHours(1), clock);
        _wall.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(delay.IsCompleted);
        _wall.Advance(TimeSpan.FromMilliseconds(100));

        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Timestamps_are_scaled_so_GetElapsedTime_measures_business_time()
    {
        var clock = BusinessClock.Accelerated(Start, 3600, _wall);
        var started = clock.GetTimestamp();

        _wall.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromHours(2), clock.GetElapsedTime(started));
    }

    [Fact]
    public void An_accelerated_clock_needs_a_positive_speed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BusinessClock(new ClockOptions { Mode = ClockMode.Accelerated, Speed = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BusinessClock(new ClockOptions { Mode = ClockMode.Accelerated, Speed = double.NaN }));
    }

    [Fact]
    public void An_accelerated_clock_refuses_to_be_moved()
    {
        var clock = BusinessClock.Accelerated(Start, 3600, _wall);

        Assert.Throws<ClockNotManualException>(() => clock.MoveTo(Start.AddDays(1)));
    }
}
