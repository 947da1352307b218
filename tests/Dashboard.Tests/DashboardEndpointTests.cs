using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using O2C.Api.Dashboard;
using O2C.Dashboard.Tests.Support;
using O2C.Runtime.Statistics;
using O2C.Tests.Support;

namespace O2C.Dashboard.Tests;

/// <summary>The <c>/v1/dashboard</c> figures against what each test drove through the grains.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class DashboardEndpointTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Business_shows_receivables_aging_dso_and_cases_per_stage_and_risk_profile()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var grains = cluster.Grains;
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
    public async Task Grains_count_every_call_per_type_and_method()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var grains = cluster.Grains;
        await Drive.Customer(grains, "a", "en", "EUR", 60);
        await Drive.Customer(grains, "b", "de", "EUR", 60);
        var invoice = await Drive.Order(grains, "a", "o-1", "EUR");
        await Drive.Order(grains, "a", "o-2", "EUR");
        await Drive.Order(grains, "b", "o-3", "EUR");
        await Drive.Pay(grains, "p-1", invoice, 50m, "EUR", day: 1);

        var view = await Get<GrainsView>(cluster, "grains");

        var method = (string type, string name) => view.Methods.SingleOrDefault(m => m.GrainType == type && m.Method == name)
            ?? throw new Xunit.Sdk.XunitException($"no row for {type}.{name} in {string.Join(", ", view.Methods.Select(m => m.GrainType + "." + m.Method))}");
        Assert.Equal(3, method("customer", "PlaceOrder").Calls);
        Assert.Equal(2, method("customer", "Upsert").Calls);
        Assert.Equal(1, method("payment", "Receive").Calls);
        // Invoices are created inside their customer's transaction; only the paid one was activated.
        Assert.Equal(1, method("invoice", "ApplyPayment").Calls);
        Assert.All(view.Methods, m => Assert.True(m.P99Ms >= m.P50Ms && m.P50Ms > 0, $"{m.GrainType}.{m.Method}: p50 {m.P50Ms}, p99 {m.P99Ms}"));
        var customer = view.Types.Single(t => t.GrainType == "customer");
        Assert.Equal(2, customer.Activations);
        Assert.Equal(view.Methods.Where(m => m.GrainType == "customer").Sum(m => m.Calls), customer.Calls);
        Assert.Equal(1, view.Types.Single(t => t.GrainType == "invoice").Activations);
        Assert.Equal(view.Methods.Sum(m => m.Calls), view.Calls);
        Assert.Equal(0, view.Errors);
        Assert.Equal(cluster.Services.GetRequiredService<O2C.Runtime.Membership.SiloIdentity>().SiloId, view.SiloId);
    }

    [Fact]
    public async Task Reminders_count_registered_due_and_backlog_in_sql_and_deliveries_from_the_counters()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        await Drive.Customer(cluster.Grains, "r", "en", "EUR", 10);
        await Drive.Order(cluster.Grains, "r", "o-1", "EUR");
        await Drive.Order(cluster.Grains, "r", "o-2", "EUR");
        await cluster.AdvanceToDayAsync(16);

        // A due reminder another silo holds: due now, but not backlog (it is leased).
        await Drive.Execute(cluster.Services, """
            INSERT INTO reminders (grain_type, grain_key, name, first_due_at, due_at, etag, lease_owner, lease_until)
            VALUES ('customer', 'elsewhere', 'held', '2026-01-20T00:00:00Z', '2026-01-20T00:00:00Z', 1, 'other-silo', now() + interval '1 hour')
            """);
        var view = await Get<RemindersView>(cluster, "reminders");

        Assert.Equal(await Drive.Count(cluster.Services, "SELECT count(*) FROM reminders"), view.Registered);
        Assert.True(view.Registered >= 2, $"registered {view.Registered}: the invoices' and the case's reminders");
        Assert.False(view.RegisteredEstimated);
        Assert.Equal(1, view.DueNow);
        Assert.Equal(0, view.OverdueBacklog);
        var counters = cluster.Services.GetRequiredService<GrainStatistics>().Snapshot().Reminders;
        Assert.Equal(counters.Delivered, view.Delivered);
        Assert.True(view.Delivered >= 4, $"delivered {view.Delivered}: pre-due and due of two invoices, the case's first step");
        Assert.Equal(0, view.Failed);
        Assert.Equal(100, view.PollIntervalMs);
        Assert.True(view.OldestDueMs > 0);
    }

    [Fact]
    public async Task Cluster_lists_this_silo_alive_and_a_dead_one_with_when_it_died()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        await Drive.Customer(cluster.Grains, "c", "en", "EUR", 60);
        await Drive.Execute(cluster.Services, """
            INSERT INTO silos (silo_id, host_name, address, status, started_at, last_heartbeat, died_at, cpu_percent, memory_bytes, activations)
            VALUES ('gone-1', 'old-host', 'http://10.0.0.9:8080', 'Dead', now() - interval '2 hours', now() - interval '1 hour', now() - interval '1 hour', 0, 0, 12)
            """);

        var view = await Eventually.Until(() => Get<ClusterView>(cluster, "cluster"), v => v.Alive == 1, "this silo's first heartbeat");

        Assert.Equal(1, view.Dead);
        var dead = view.Silos.Single(s => s.SiloId == "gone-1");
        Assert.Equal("dead", dead.Status);
        Assert.NotNull(dead.DiedAt);
        Assert.InRange(dead.UptimeSeconds, 3590, 3610);
        var alive = view.Silos.Single(s => s.Status == "alive");
        Assert.Equal(cluster.Services.GetRequiredService<O2C.Runtime.Membership.SiloIdentity>().SiloId, alive.SiloId);
        Assert.Null(alive.DiedAt);
        Assert.True(alive.MemoryBytes > 0);
    }

    [Fact]
    public async Task History_keeps_one_point_a_second_with_the_orders_and_calls_of_that_second()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        await Drive.Customer(cluster.Grains, "h", "en", "EUR", 60);
        for (var i = 0; i < 4; i++)
        {
            await Drive.Order(cluster.Grains, "h", $"o-{i}", "EUR");
        }

        var history = await Eventually.Until(
            () => Get<HistoryView>(cluster, "history"),
            h => h.Points.Sum(p => p.Orders) >= 4,
            "the sampler to take the four orders into its points");

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

    private static async Task<T> Get<T>(TestCluster cluster, string path) =>
        (await cluster.Client.GetFromJsonAsync<T>($"/v1/dashboard/{path}", JsonSerializerOptions.Web))!;
}
