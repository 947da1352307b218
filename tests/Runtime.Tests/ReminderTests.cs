using O2C.Clock;
using O2C.Runtime.Tests.Support;
using O2C.Runtime.Tests.TestGrains;
using O2C.Tests.Support;

namespace O2C.Runtime.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class ReminderTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset T0 = TestSilo.Epoch;

    [Fact]
    public async Task A_one_shot_reminder_fires_once_at_its_due_time_with_the_clock_reading_that_time()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        var alarm = silo.Grains.GetGrain<IAlarmGrain>("once");
        await alarm.SetOnce("due", T0.AddDays(30));

        var early = await silo.Reminders.AdvanceClockAsync(T0.AddDays(29));
        Assert.Equal(0, early.RemindersDelivered);
        Assert.Empty(silo.Services.GetAlarms().For("once"));

        var advance = await silo.Reminders.AdvanceClockAsync(T0.AddDays(90));

        var fired = Assert.Single(silo.Services.GetAlarms().For("once"));
        Assert.Equal(T0.AddDays(30), fired.ClockAt);
        Assert.Equal(T0.AddDays(30), fired.Status.CurrentTickTime);
        Assert.Equal(TimeSpan.Zero, fired.Status.Period);
        Assert.Equal(1, advance.RemindersDelivered);
        Assert.Equal(T0.AddDays(90), silo.Clock.GetUtcNow());
        Assert.Empty(await alarm.Reminders());
    }

    [Fact]
    public async Task Advancing_delivers_every_due_reminder_in_due_time_order_across_grains()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        var order = new[] { 5, 1, 4, 2, 3 };
        foreach (var day in order)
        {
            await silo.Grains.GetGrain<IAlarmGrain>($"order-{day}").SetOnce("due", T0.AddDays(day));
        }

        await silo.Reminders.AdvanceClockAsync(T0.AddDays(10));

        var fired = order.Select(day => Assert.Single(silo.Services.GetAlarms().For($"order-{day}"))).OrderBy(f => f.ClockAt).ToList();
        Assert.Equal([1, 2, 3, 4, 5], fired.Select(f => (f.ClockAt - T0).Days));
        Assert.All(fired, f => Assert.Equal(f.Status.CurrentTickTime, f.ClockAt));
    }

    [Fact]
    public async Task An_advance_cascades_through_reminders_registered_while_it_runs()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        await silo.Grains.GetGrain<IAlarmGrain>("chain").SetChain(T0.AddDays(1), TimeSpan.FromDays(7), count: 5);

        var advance = await silo.Reminders.AdvanceClockAsync(T0.AddDays(90));

        var fired = silo.Services.GetAlarms().For("chain");
        Assert.Equal([1, 8, 15, 22, 29], fired.Select(f => (f.ClockAt - T0).Days));
        Assert.Equal(5, advance.RemindersDelivered);
    }

    [Fact]
    public async Task A_periodic_reminder_ticks_each_period_and_stops_when_unregistered()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        var alarm = silo.Grains.GetGrain<IAlarmGrain>("periodic");
        await alarm.SetPeriodic("tick", TimeSpan.FromHours(1), TimeSpan.FromHours(6));

        await silo.Reminders.AdvanceClockAsync(T0.AddDays(1));
        await alarm.Cancel("tick");
        await silo.Reminders.AdvanceClockAsync(T0.AddDays(3));

        var fired = silo.Services.GetAlarms().For("periodic");
        Assert.Equal([1, 7, 13, 19], fired.Select(f => (f.ClockAt - T0).Hours));
        Assert.All(fired, f => Assert.Equal(T0.AddHours(1), f.Status.FirstTickTime));
    }

    [Fact]
    public async Task A_reminder_registered_before_a_silo_stops_fires_on_a_new_silo()
    {
        var database = await postgres.CreateDatabaseAsync();
        var logs = new SharedLogs();
        await using (var first = await TestSilo.StartAsync(database, logs))
        {
            await first.Grains.GetGrain<IAlarmGrain>("durable").SetOnce("due", T0.AddDays(14));
        }

        await using var second = await TestSilo.StartAsync(database, logs);
        await second.Reminders.AdvanceClockAsync(T0.AddDays(20));

        var fired = Assert.Single(logs.Alarms.For("durable"));
        Assert.Equal(T0.AddDays(14), fired.ClockAt);
    }

    [Fact]
    public async Task A_periodic_reminder_missed_for_many_ticks_fires_once_on_recovery()
    {
        var database = await postgres.CreateDatabaseAsync();
        var logs = new SharedLogs();
        await using (var first = await TestSilo.StartAsync(database, logs))
        {
            await first.Grains.GetGrain<IAlarmGrain>("missed").SetPeriodic("tick", TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        }

        // The cluster was down for ten periods; the new silo wakes up with the clock already past them.
        await using var second = await TestSilo.StartAsync(database, logs, clockStart: T0.AddHours(10.5));
        await second.Reminders.DeliverDueNowAsync();
        await second.Reminders.DeliverDueNowAsync();

        var fired = Assert.Single(logs.Alarms.For("missed"));
        Assert.Equal(T0.AddHours(1), fired.Status.CurrentTickTime);
        var next = Assert.Single(await second.Services.GetRequiredServiceReminders(new GrainId("alarm", "missed")));
        Assert.Equal(T0.AddHours(11), next.DueAt);
    }

    [Fact]
    public async Task Only_a_manual_clock_can_be_advanced()
    {
        await using var silo = await TestSilo.StartAsync(
            await postgres.CreateDatabaseAsync(),
            settings: new Dictionary<string, string?> { ["O2C:Clock:Mode"] = "System" });

        var error = await Assert.ThrowsAsync<ClockNotManualException>(() => silo.Reminders.AdvanceClockAsync(DateTimeOffset.UtcNow.AddDays(1)));
        Assert.Equal(ClockMode.System, error.Mode);
    }

    [Fact]
    public async Task The_manual_clock_does_not_move_backwards()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => silo.Reminders.AdvanceClockAsync(T0.AddDays(-1)));
        Assert.Equal(T0, silo.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_lease_left_by_a_dead_silo_expires_and_another_silo_delivers_the_reminder()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        await silo.Database.CreateCommand(
            """
            INSERT INTO reminders (grain_type, grain_key, name, first_due_at, due_at, period_ms, etag, lease_owner, lease_until)
            VALUES ('alarm', 'orphan', 'due', '2026-01-06T09:00:00Z', '2026-01-06T09:00:00Z', NULL, 1, 'dead-silo', now() - interval '1 second'),
                   ('alarm', 'held', 'due', '2026-01-06T09:00:00Z', '2026-01-06T09:00:00Z', NULL, 1, 'live-silo', now() + interval '1 hour')
            """).ExecuteNonQueryAsync();

        await silo.Reminders.AdvanceClockAsync(T0.AddDays(2));

        Assert.Single(silo.Services.GetAlarms().For("orphan"));
        // A lease still running belongs to a live silo: it is not taken.
        Assert.Empty(silo.Services.GetAlarms().For("held"));
    }
}
