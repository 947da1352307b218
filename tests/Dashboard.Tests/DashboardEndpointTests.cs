using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using O2C.Api.Dashboard;
using Microsoft.Extensions.Options;
using O2C.Clock;
using O2C.Dashboard.Tests.Support;
using O2C.Tests.Support;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace O2C.Dashboard.Tests;

/// <summary>The <c>/v1/dashboard</c> figures against what each test drove through the grains.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class DashboardEndpointTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Business_shows_receivables_aging_dso_and_cases_per_stage_and_risk_profile()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var grains = Drive.Grains(cluster.Services);
        await Drive.Customer(grains, "low", "nl", "EUR", creditScore: 90);
        await Drive.Customer(grains, "medium", "en", "GBP", creditScore: 50);
        await Drive.Customer(grains, "high", "de", "EUR", creditScore: 10);
        var paid = await Drive.Order(grains, "low", "o-low-1", "EUR");
        await Drive.Order(grains, "low", "o-low-2", "EUR");
        await Drive.Order(grains, "medium", "o-medium-1", "GBP");
        await Drive.Order(grains, "high", "o-high-1", "EUR");
        await Drive.Order(grains, "high", "o-high-2", "EUR");
        await Drive.Pay(grains, "p-1", paid, 121m, "EUR", day: 5);

        // Due on day 14; by day 20 every unpaid invoice is 6 days overdue and in its customer's case:
        // High and Medium had their first reminder (days 15 and 17), Low's comes on day 21.
        await cluster.AdvanceToDayAsync(20);
        var business = await Get<BusinessView>(cluster, "business");

        Assert.Equal(new DateOnly(2026, 1, 25), DateOnly.FromDateTime(business.BusinessNow.UtcDateTime));
        Assert.Equal(5, business.OrdersLastMinute);
        Assert.Equal(1, business.PaymentsLastMinute);
        Assert.Equal(await Drive.Count(cluster.Services, "SELECT count(*) FROM messages"), business.MessagesLastMinute);
        Assert.True(business.MessagesLastMinute > 0, "pre-due and first reminders went out");
        Assert.Equal(
            [new ReceivablesView("EUR", 3, 363.00m, 3, 363.00m), new ReceivablesView("GBP", 1, 121.00m, 1, 121.00m)],
            business.Receivables);
        Assert.Equal([new AgingBucketView("EUR", "1-30", 3, 363.00m), new AgingBucketView("GBP", "1-30", 1, 121.00m)], business.Aging);
        Assert.Equal([new DsoView("EUR", 363.00m, 484.00m, 67.5), new DsoView("GBP", 121.00m, 121.00m, 90)], business.Dso);
        Assert.Equal(3, business.OpenCases);
        Assert.Equal(["None:1", "Reminder:2"], business.CasesByStage.Select(c => $"{c.Key}:{c.Cases}"));
        Assert.Equal(["Low:1", "Medium:1", "High:1"], business.CasesByRiskProfile.Select(c => $"{c.Key}:{c.Cases}"));
        Assert.Equal(242.00m, business.CasesByRiskProfile.Single(c => c.Key == "High").OverdueAmount);
    }

    [Fact]
    public async Task Grains_count_every_call_per_type_and_method_on_this_silo_and_activations_cluster_wide()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var grains = Drive.Grains(cluster.Services);
        await Drive.Customer(grains, "a", "en", "EUR", 60);
        await Drive.Customer(grains, "b", "de", "EUR", 60);
        var invoice = await Drive.Order(grains, "a", "o-1", "EUR");
        await Drive.Order(grains, "a", "o-2", "EUR");
        await Drive.Order(grains, "b", "o-3", "EUR");
        await Drive.Pay(grains, "p-1", invoice, 50m, "EUR", day: 1);

        var view = await Get<GrainsView>(cluster, "grains");

        // Calls: counted by the dashboard's incoming call filter on this silo.
        var method = (string type, string name) => view.Methods.SingleOrDefault(m => m.GrainType == type && m.Method == name)
            ?? throw new Xunit.Sdk.XunitException($"no row for {type}.{name} in {string.Join(", ", view.Methods.Select(m => m.GrainType + "." + m.Method))}");
        Assert.Equal(3, method("customer", "PlaceOrder").Calls);
        Assert.Equal(2, method("customer", "Upsert").Calls);
        Assert.Equal(1, method("payment", "Receive").Calls);
        Assert.Equal(1, method("invoice", "ApplyPayment").Calls);
        Assert.All(view.Methods, m => Assert.True(m.P99Ms >= m.P50Ms && m.P50Ms > 0, $"{m.GrainType}.{m.Method}: p50 {m.P50Ms}, p99 {m.P99Ms}"));
        Assert.DoesNotContain(view.Methods, m => m.GrainType.StartsWith("sys.", StringComparison.Ordinal) || m.GrainType == "management");
        var customer = view.Types.Single(t => t.GrainType == "customer");
        Assert.Equal(view.Methods.Where(m => m.GrainType == "customer").Sum(m => m.Calls), customer.Calls);
        Assert.Equal(view.Methods.Sum(m => m.Calls), view.Calls);
        Assert.Equal(0, view.Errors);
        var silo = cluster.Services.GetRequiredService<ILocalSiloDetails>();
        Assert.Equal(silo.Name, view.SiloId);

        // Activations: the management grain's, per grain type (not per grain class), over every active silo.
        Assert.Equal(1, view.ActiveSilos);
        Assert.Equal(2, customer.Activations);
        Assert.Equal(1, view.Types.Single(t => t.GrainType == "payment").Activations);
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        Assert.Equal(statistics.Where(s => !ActivationQuery.IsOrleans(s.GrainType)).Sum(s => (long)s.ActivationCount), view.Activations);
        Assert.DoesNotContain(view.Types, t => t.GrainType is "management" or "dashboard");
    }

    [Fact]
    public async Task Reminders_count_orleans_reminder_rows_of_this_service_in_sql_and_ticks_from_the_call_filter()
    {
        // Orleans' reminder service, which leaves past-due rows alone until their next period: ours
        // (the default) would deliver the rows inserted below at once, and the figures would not stand still.
        await using var cluster = await TestCluster.StartAsync(postgres, new Dictionary<string, string?> { ["O2C:Reminders:Delivery"] = "Orleans" });
        var grains = Drive.Grains(cluster.Services);
        await Drive.Customer(grains, "r", "en", "EUR", 10);
        await Drive.Order(grains, "r", "o-1", "EUR");
        await Drive.Order(grains, "r", "o-2", "EUR");
        var advance = await cluster.AdvanceToDayAsync(16);

        // Rows as Orleans writes them (period in ms). With the manual clock standing still none of
        // them ticks: Orleans schedules a past-due reminder at its next period, which never comes.
        var serviceId = cluster.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
        var now = cluster.Services.GetRequiredService<BusinessClock>().GetUtcNow();
        const string Insert = """
            INSERT INTO orleansreminderstable (serviceid, grainid, remindername, starttime, period, grainhash, version)
            VALUES ($1, $2, $3, $4, $5, 0, 0)
            """;
        // Due ten minutes ago, next tick in 50 minutes: due now, not backlog.
        await Drive.Execute(cluster.Services, Insert, serviceId, "invoice/elsewhere-1", "held", now.AddMinutes(-10), 3_600_000L);
        // Due two hours ago with a minute's period: it missed ticks, so backlog, and the oldest due.
        await Drive.Execute(cluster.Services, Insert, serviceId, "invoice/elsewhere-2", "stuck", now.AddHours(-2), 60_000L);
        // Another service's reminder in the same table counts nowhere.
        await Drive.Execute(cluster.Services, Insert, "another-service", "invoice/x", "other", now.AddDays(-1), 60_000L);
        var view = await Get<RemindersView>(cluster, "reminders");

        Assert.Equal(serviceId, view.ServiceId);
        Assert.Equal(await Drive.Count(cluster.Services, "SELECT count(*) FROM orleansreminderstable WHERE serviceid = $1", serviceId), view.Registered);
        Assert.Equal(await Drive.Count(cluster.Services, "SELECT count(*) FROM orleansreminderstable") - 1, view.Registered);
        Assert.True(view.Registered > 2, $"registered {view.Registered}: the two inserted and the case's next step");
        Assert.False(view.RegisteredEstimated);
        Assert.Equal(2, view.DueNow);
        Assert.Equal(1, view.OverdueBacklog);
        Assert.False(view.CountsCapped);
        Assert.InRange(view.OldestDueMs, 7_199_000, 7_201_000); // two business hours at speed 1

        // Ticks: what this silo's call filter saw reach IRemindable.ReceiveReminder.
        Assert.Equal(cluster.Services.GetRequiredService<ILocalSiloDetails>().Name, view.SiloId);
        var ticks = cluster.Services.GetRequiredService<GrainCallCounter>().Snapshot().Reminders;
        Assert.Equal(ticks.Delivered, view.Delivered);
        Assert.True(view.Delivered >= 4, $"delivered {view.Delivered}: pre-due and due of two invoices, the case's first step");
        Assert.Equal(advance.RemindersDue, view.Delivered); // one silo: the driver's count of ticks due on the way is all of them
        Assert.Equal(0, view.Failed);
        Assert.True(view.LagP99Ms >= view.LagP50Ms);
        Assert.False(view.LagCapped);
    }

    [Fact]
    public async Task Cluster_lists_every_silo_of_orleans_membership_with_figures_of_the_active_ones()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        await Drive.Customer(Drive.Grains(cluster.Services), "c", "en", "EUR", 60);
        var clusterId = cluster.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId;
        // A silo of this cluster that died an hour ago after an hour's life (status 6: Dead).
        await Drive.Execute(cluster.Services, """
            INSERT INTO orleansmembershiptable (deploymentid, address, port, generation, siloname, hostname, status, proxyport, suspecttimes, starttime, iamalivetime)
            VALUES ($1, '10.0.0.9', 11111, 1, 'gone-1', 'old-host', 6, 30000, NULL, now() - interval '2 hours', now() - interval '1 hour')
            """, clusterId);
        // Orleans re-reads its members only when the table version moved, as every membership write makes it.
        await Drive.Execute(cluster.Services, "UPDATE orleansmembershipversiontable SET version = version + 1 WHERE deploymentid = $1", clusterId);

        var view = await Eventually.Until(
            () => Get<ClusterView>(cluster, "cluster"),
            v => v.Alive == 1 && v.Silos.Single(s => s.Status == "alive").MemoryBytes > 0,
            "this silo active with its runtime statistics",
            seconds: 15);

        Assert.Equal(clusterId, view.ClusterId);
        Assert.Equal(1, view.Dead);
        Assert.Equal(0, view.Joining + view.Stopping);
        var dead = view.Silos.Single(s => s.SiloId == "gone-1");
        Assert.Equal("dead", dead.Status);
        Assert.Equal("old-host", dead.HostName);
        Assert.NotNull(dead.DiedAt);
        Assert.InRange(dead.UptimeSeconds, 3590, 3610);
        Assert.Null(dead.Activations);
        Assert.False(dead.ThisSilo);
        var alive = view.Silos.Single(s => s.Status == "alive");
        var silo = cluster.Services.GetRequiredService<ILocalSiloDetails>();
        Assert.Equal(silo.Name, alive.SiloId);
        Assert.Equal(silo.SiloAddress.ToString(), alive.Address);
        Assert.True(alive.ThisSilo);
        Assert.Null(alive.DiedAt);
        Assert.NotNull(alive.CpuPercent);
        Assert.True(alive.Activations > 0, "the customer's activation at least");
        Assert.Equal(alive.Activations, view.Activations);
        var hosts = await Drive.Grains(cluster.Services).GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        Assert.Equal(hosts.Select(h => h.SiloName).Order(), view.Silos.Select(s => s.SiloId).Order());
    }

    [Fact]
    public async Task History_keeps_one_point_a_second_with_the_orders_and_calls_of_that_second()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var grains = Drive.Grains(cluster.Services);
        await Drive.Customer(grains, "h", "en", "EUR", 60);
        for (var i = 0; i < 4; i++)
        {
            await Drive.Order(grains, "h", $"o-{i}", "EUR");
        }

        var history = await Eventually.Until(
            () => Get<HistoryView>(cluster, "history"),
            h => h.Points.Sum(p => p.Orders) >= 4,
            "the sampler to take the four orders into its points",
            seconds: 15);

        Assert.Equal(1, history.IntervalSeconds);
        Assert.Equal(600, history.CapacitySeconds);
        Assert.Equal(4, history.Points.Sum(p => p.Orders));
        Assert.All(history.Points.Where(p => p.Orders > 0), p => Assert.True(p.OrdersPerSecond > 0));
        Assert.Contains(history.Points, p => p.CallsPerSecond > 0 && p.P99Ms > 0);
        Assert.Equal(history.Points.OrderBy(p => p.T).Select(p => p.T), history.Points.Select(p => p.T));
        var last = history.Points[^1].T;
        var newer = await Get<HistoryView>(cluster, $"history?since={last}");
        Assert.All(newer.Points, p => Assert.True(p.T > last));
    }

    private static async Task<T> Get<T>(TestCluster cluster, string path)
    {
        using var client = cluster.CreateClient();
        return (await client.GetFromJsonAsync<T>($"/v1/dashboard/{path}", JsonSerializerOptions.Web))!;
    }
}
