using Microsoft.Extensions.Logging;
using O2C.Clock.Tests.Support;
using O2C.Tests.Support;

namespace O2C.Clock.Tests;

/// <summary>
/// A silo configured with another mode or speed than the stored anchor: configuration wins for mode
/// and speed, business time continues from the anchor (a System clock excepted), a new anchor is written.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class ModeChangeTests(PostgresFixture postgres) : SiloClockTests(postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeWall _wall = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Silos_of_one_accelerated_cluster_share_its_anchor()
    {
        var first = await StartAsync(BusinessClock.Accelerated(Start, 3600, _wall));
        _wall.Advance(TimeSpan.FromSeconds(10));

        // Restarted or added later, configured with another start: it joins the running clock.
        var later = await StartAsync(BusinessClock.Accelerated(Start.AddYears(1), 3600, _wall));

        Assert.Equal(Start.AddHours(10), later.Clock.GetUtcNow());
        Assert.Equal(first.Clock.GetUtcNow(), later.Clock.GetUtcNow());
        Assert.Equal(_wall.Now.AddSeconds(-10), (await later.Anchor.ReadAnchorAsync())!.WallTime);
    }

    [Fact]
    public async Task An_accelerated_silo_continues_from_where_a_manual_cluster_stood()
    {
        var manual = await StartAsync(BusinessClock.Manual(Start, _wall));
        await manual.Anchor.MoveToAsync(Start.AddDays(10));
        await StopAsync(manual);

        var accelerated = await StartAsync(BusinessClock.Accelerated(Start.AddYears(1), 3600, _wall));

        Assert.Equal(Start.AddDays(10), accelerated.Clock.GetUtcNow());
        Assert.Equal(new ClockAnchor(ClockMode.Accelerated, Start.AddDays(10), _wall.Now, 3600), await accelerated.Anchor.ReadAnchorAsync());
        Assert.True(accelerated.Log.Logged(LogLevel.Warning, "replaces the stored Manual"));
        _wall.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Start.AddDays(10).AddHours(1), accelerated.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_manual_silo_stops_an_accelerated_cluster_where_it_got_to_never_earlier()
    {
        var accelerated = await StartAsync(BusinessClock.Accelerated(Start, 3600, _wall));
        _wall.Advance(TimeSpan.FromSeconds(2));
        await StopAsync(accelerated);

        var manual = await StartAsync(BusinessClock.Manual(Start, _wall));

        Assert.Equal(Start.AddHours(2), manual.Clock.GetUtcNow());
        Assert.Equal(new ClockAnchor(ClockMode.Manual, Start.AddHours(2), _wall.Now, 1), await manual.Anchor.ReadAnchorAsync());
    }

    [Fact]
    public async Task A_new_speed_applies_from_the_business_time_reached_at_the_old_one()
    {
        var slow = await StartAsync(BusinessClock.Accelerated(Start, 3600, _wall));
        _wall.Advance(TimeSpan.FromSeconds(1));
        await StopAsync(slow);

        var fast = await StartAsync(BusinessClock.Accelerated(Start, 7200, _wall));
        _wall.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(Start.AddHours(3), fast.Clock.GetUtcNow());
        Assert.Equal(7200, (await fast.Anchor.ReadAnchorAsync())!.Speed);
    }

    [Fact]
    public async Task A_system_silo_takes_the_cluster_to_wall_time_and_a_manual_one_resumes_from_there()
    {
        var manual = await StartAsync(BusinessClock.Manual(Start, _wall));
        await manual.Anchor.MoveToAsync(_wall.Now.AddYears(5));
        await StopAsync(manual);

        var system = await StartAsync(new BusinessClock(new ClockOptions { Mode = ClockMode.System }, _wall));
        Assert.Equal(_wall.Now, system.Clock.GetUtcNow());
        Assert.True(system.Log.Logged(LogLevel.Warning, "goes back"));
        await StopAsync(system);

        _wall.Advance(TimeSpan.FromDays(1));
        var again = await StartAsync(BusinessClock.Manual(Start, _wall));
        Assert.Equal(_wall.Now, again.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_manual_silo_cannot_move_a_cluster_whose_anchor_is_no_longer_manual()
    {
        var manual = await StartAsync(BusinessClock.Manual(Start, _wall), pollInterval: TimeSpan.FromMilliseconds(50));
        await StartAsync(BusinessClock.Accelerated(Start, 3600, _wall));

        var refused = await Assert.ThrowsAsync<ClockNotManualException>(() => manual.Anchor.MoveToAsync(Start.AddDays(1)));

        Assert.Equal(ClockMode.Accelerated, refused.Mode);
        await ClockWaits.UntilAsync(() => Task.FromResult(manual.Log.Logged(LogLevel.Warning, "cluster anchor is now Accelerated")), "the manual silo warns");
    }
}
