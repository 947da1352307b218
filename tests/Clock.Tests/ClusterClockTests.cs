using Microsoft.Extensions.Logging;
using Npgsql;
using O2C.Clock.Tests.Support;
using O2C.Tests.Support;

namespace O2C.Clock.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class ClusterClockTests(PostgresFixture postgres) : SiloClockTests(postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);


    [Fact]
    public async Task The_first_silo_writes_the_anchor_from_its_clock()
    {
        var silo = await StartAsync(BusinessClock.Manual(Start));

        var anchor = await silo.Anchor.ReadAnchorAsync();

        Assert.NotNull(anchor);
        Assert.Equal((ClockMode.Manual, Start, 1.0), (anchor.Mode, anchor.BusinessTime, anchor.Speed));
        Assert.Equal(Start, silo.Clock.GetUtcNow());
        Assert.True(silo.Log.Logged(LogLevel.Information, "created the cluster anchor"));
    }

    [Fact]
    public async Task A_restarted_manual_clock_resumes_at_the_stored_business_time()
    {
        var first = await StartAsync(BusinessClock.Manual(Start));
        await first.Anchor.MoveToAsync(Start.AddDays(10));
        await StopAsync(first);

        // Configured as before, and with no start at all (which used to mean: jump to wall time).
        var sameSettings = await StartAsync(BusinessClock.Manual(Start));
        var noStart = await StartAsync(new BusinessClock(new ClockOptions { Mode = ClockMode.Manual }));

        Assert.Equal(Start.AddDays(10), sameSettings.Clock.GetUtcNow());
        Assert.Equal(Start.AddDays(10), noStart.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Silos_starting_together_on_an_empty_database_agree_on_one_anchor()
    {
        var starting = await Task.WhenAll(
            StartAsync(BusinessClock.Manual(Start)),
            StartAsync(BusinessClock.Manual(Start.AddDays(30))));

        Assert.Equal(starting[0].Clock.GetUtcNow(), starting[1].Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_move_on_one_silo_reaches_the_other_by_notification()
    {
        var mover = await StartAsync(BusinessClock.Manual(Start));
        var other = await StartAsync(BusinessClock.Manual(Start));
        await ListeningAsync(2); // else the other silo's first catch-up might be what brings the move
        var dueOnOther = other.Clock.ReachedAsync(Start.AddDays(10));

        var standing = await mover.Anchor.MoveToAsync(Start.AddDays(10));

        Assert.Equal(Start.AddDays(10), standing);
        Assert.Equal(Start.AddDays(10), mover.Clock.GetUtcNow());
        await dueOnOther.WaitAsync(ClockWaits.Timeout);
        Assert.Equal(Start.AddDays(10), other.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_move_whose_notification_was_missed_is_caught_up_by_polling()
    {
        var silo = await StartAsync(BusinessClock.Manual(Start), pollInterval: TimeSpan.FromMilliseconds(100));
        await ListeningAsync(1); // past its first catch-up: only the poll can find the move
        var due = silo.Clock.ReachedAsync(Start.AddDays(3));

        await using (var dataSource = NpgsqlDataSource.Create(Database))
        await using (var move = dataSource.CreateCommand("UPDATE business_clock SET business_at = $1"))
        {
            move.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = Start.AddDays(3) });
            await move.ExecuteNonQueryAsync();
        }

        await due.WaitAsync(ClockWaits.Timeout);
    }

    [Fact]
    public async Task A_silo_listens_again_after_losing_its_connection_and_catches_up()
    {
        var mover = await StartAsync(BusinessClock.Manual(Start));
        var other = await StartAsync(BusinessClock.Manual(Start));
        await ListeningAsync(2);
        await using var dataSource = NpgsqlDataSource.Create(Database);

        await using (var kill = dataSource.CreateCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN business_clock'"))
        {
            await kill.ExecuteNonQueryAsync();
        }

        // Sent while the other silo cannot be listening: only its catch-up after reconnecting brings it.
        var caughtUp = other.Clock.ReachedAsync(Start.AddDays(1));
        await mover.Anchor.MoveToAsync(Start.AddDays(1));
        await caughtUp.WaitAsync(ClockWaits.Timeout);
        Assert.True(other.Log.Logged(LogLevel.Warning, "Lost the business clock notifications"));

        var notified = other.Clock.ReachedAsync(Start.AddDays(2));
        await mover.Anchor.MoveToAsync(Start.AddDays(2));
        await notified.WaitAsync(ClockWaits.Timeout);
    }

    [Fact]
    public async Task The_cluster_clock_never_moves_back()
    {
        var silo = await StartAsync(BusinessClock.Manual(Start));

        await silo.Anchor.MoveToAsync(Start.AddDays(5));
        var standing = await silo.Anchor.MoveToAsync(Start.AddDays(2));

        Assert.Equal(Start.AddDays(5), standing);
        Assert.Equal(Start.AddDays(5), silo.Clock.GetUtcNow());
        Assert.Equal(Start.AddDays(5), (await silo.Anchor.ReadAnchorAsync())!.BusinessTime);
    }

    [Fact]
    public async Task A_move_fires_the_timers_due_on_the_way_before_it_answers()
    {
        var silo = await StartAsync(BusinessClock.Manual(Start));
        var due = Task.Delay(TimeSpan.FromDays(1), silo.Clock);

        await silo.Anchor.MoveToAsync(Start.AddDays(1));

        Assert.True(due.IsCompleted);
    }

    [Fact]
    public async Task Business_time_in_the_cluster_has_microsecond_resolution()
    {
        var silo = await StartAsync(BusinessClock.Manual(Start));

        var standing = await silo.Anchor.MoveToAsync(Start.AddTicks(12_345_678));

        Assert.Equal(Start.AddTicks(12_345_670), standing);
        Assert.Equal(standing, silo.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Only_a_manual_clock_moves_the_cluster()
    {
        var silo = await StartAsync(new BusinessClock(new ClockOptions { Mode = ClockMode.System }));

        await Assert.ThrowsAsync<ClockNotManualException>(() => silo.Anchor.MoveToAsync(Start));
    }

    // A listening connection's last statement stays its LISTEN (catch-up reads use other connections).
    private async Task ListeningAsync(int silos)
    {
        await using var dataSource = NpgsqlDataSource.Create(Database);
        await ClockWaits.UntilAsync(async () =>
        {
            await using var count = dataSource.CreateCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN business_clock' AND state = 'idle'");
            return (long)(await count.ExecuteScalarAsync())! == silos;
        }, $"{silos} silo(s) listen");
    }
}
