using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using O2C.Silo.Hosting;
using O2C.Storage;
using O2C.Tests.Support;

namespace O2C.Grains.Tests.Flow;

/// <summary>
/// The dunning flows on our parts (the defaults): grain storage with query and reminder rows in the
/// state's transaction, and our reminder delivery; and what that delivery promises beyond them.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class DunningFlowOnOurStorageTests(PostgresFixture postgres) : DunningFlowTests(postgres, GrainStorageProvider.O2C, ReminderDelivery.O2C)
{
    private const string Leased = "SELECT count(*)::text FROM orleansreminderstable WHERE leaseduntil > clock_timestamp()";

    [Fact]
    public async Task A_month_end_storm_is_worked_through_a_few_at_a_time_and_every_invoice_falls_due_once()
    {
        await using var cluster = await TestCluster.StartAsync(Postgres, new Dictionary<string, string?>
        {
            ["O2C:Reminders:MaxInFlight"] = "4",
            ["O2C:Reminders:ClaimBatchSize"] = "8",
        });
        const int customers = 150;
        for (var i = 0; i < customers; i++)
        {
            await Customer(cluster, $"storm-{i}", "en", creditScore: 90);
            await Order(cluster, $"storm-{i}", $"o-storm-{i}", 100m);
        }

        // Low ladder: no pre-due step; all 150 due-date checks fall due at one instant (day 31).
        var advance = cluster.AdvanceToDayAsync(31);
        var mostLeased = 0;
        while (!advance.IsCompleted)
        {
            mostLeased = Math.Max(mostLeased, int.Parse((await Scalar(cluster, Leased))!, System.Globalization.CultureInfo.InvariantCulture));
            await Task.Delay(5);
        }

        await advance;

        // At most a claim's worth queued plus the handlers at work are leased at any moment.
        Assert.InRange(mostLeased, 1, 8 + 4);
        Assert.Equal($"{customers}", await Scalar(cluster, "SELECT count(*)::text FROM grain_events WHERE kind = 'InvoiceOverdue'"));
        Assert.Equal($"{customers}", await Scalar(cluster, "SELECT count(DISTINCT invoice_id)::text FROM invoices WHERE status = 'Overdue'"));
        Assert.Equal("0", await Scalar(cluster, "SELECT count(*)::text FROM orleansreminderstable WHERE grainid LIKE 'invoice/%'"));

        await cluster.AdvanceToDayAsync(38);
        Assert.Equal($"{customers}", await Scalar(cluster, "SELECT count(*)::text FROM messages WHERE stage = 'Reminder'"));
        Assert.Equal("0", await Scalar(cluster, "SELECT count(*)::text FROM (SELECT customer_id FROM messages GROUP BY customer_id, stage HAVING count(*) > 1) twice"));
    }

    [Fact]
    public async Task A_reminder_a_dead_silo_left_claimed_is_handled_when_its_lease_ends_on_its_own_business_day()
    {
        await using var cluster = await TestCluster.StartAsync(Postgres, new Dictionary<string, string?> { ["O2C:Reminders:Lease"] = "00:00:02" });
        await Customer(cluster, "orphaned", "en", creditScore: 50);
        var order = await Order(cluster, "orphaned", "o-orphaned", 100m);

        // What a silo killed right after claiming leaves: the pre-due reminder (day 27) leased for a while.
        await Scalar(cluster, $"UPDATE orleansreminderstable SET leaseduntil = clock_timestamp() + interval '3 seconds' WHERE grainid = 'invoice/{order.InvoiceId}'");
        var waited = Stopwatch.StartNew();
        await cluster.AdvanceToDayAsync(40);

        Assert.True(waited.Elapsed >= TimeSpan.FromSeconds(2.5), $"the advance ended after {waited.Elapsed} while the reminder was still leased");
        Assert.Equal([("PreDueReminder", 27, "Email"), ("Reminder", 33, "Email")], await Messages(cluster, "orphaned"));
    }

    [Fact]
    public async Task The_leases_of_a_silo_declared_dead_are_released_without_waiting_for_them_to_end()
    {
        // A lease far longer than the clock driver waits for progress (60 s): only the release can finish the advance.
        await using var cluster = await TestCluster.StartAsync(Postgres, new Dictionary<string, string?> { ["O2C:Reminders:Lease"] = "00:10:00" });
        await Customer(cluster, "abandoned", "en", creditScore: 50);
        var order = await Order(cluster, "abandoned", "o-abandoned", 100m);
        var clusterId = cluster.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId;

        // A silo of this cluster claimed the pre-due reminder (day 27) and was then declared dead.
        await Scalar(cluster, $"""
            INSERT INTO orleansmembershiptable (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
            VALUES ('{clusterId}', '10.0.0.9', 11111, 7, 'gone', 'old-host', 6, 30000, now(), now())
            """);
        await Scalar(cluster, $"UPDATE orleansreminderstable SET leaseduntil = clock_timestamp() + interval '10 minutes', leasedby = '10.0.0.9:11111@7' WHERE grainid = 'invoice/{order.InvoiceId}'");
        await cluster.AdvanceToDayAsync(40);

        Assert.Equal([("PreDueReminder", 27, "Email"), ("Reminder", 33, "Email")], await Messages(cluster, "abandoned"));
    }

    [Fact]
    public async Task Reminders_written_by_our_delivery_are_delivered_by_Orleans_after_a_switch()
    {
        var database = await Postgres.CreateDatabaseAsync();
        string? invoiceId;
        await using (var ours = TestCluster.StartOn(database))
        {
            await Customer(ours, "switched", "en", creditScore: 50);
            invoiceId = (await Order(ours, "switched", "o-switched", 100m)).InvoiceId;
        }

        await using var orleans = TestCluster.StartOn(database, new Dictionary<string, string?> { ["O2C:Reminders:Delivery"] = nameof(ReminderDelivery.Orleans) });
        await orleans.AdvanceToDayAsync(40);

        Assert.Equal([("PreDueReminder", 27, "Email"), ("Reminder", 33, "Email")], await Messages(orleans, "switched"));
        Assert.Equal("0", await Scalar(orleans, $"SELECT count(*)::text FROM orleansreminderstable WHERE grainid = 'invoice/{invoiceId}'"));
    }
}
