using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Orders;

namespace O2C.Cluster.Tests;

/// <summary>One grain called through all three silos at once has one activation, and its state adds up.</summary>
[Collection(StockProvidersCluster.Collection)]
public sealed class OneActivationTests(StockProvidersCluster cluster)
{
    private const int OrdersPerSilo = 20;

    [Fact]
    public async Task Concurrent_orders_for_one_customer_through_every_silo_meet_one_activation_and_all_become_invoices()
    {
        var start = cluster.Clock.GetUtcNow();
        var silos = cluster.SiloGrains;
        Assert.Equal(StockProvidersCluster.SiloCount, silos.Count);
        var customer = cluster.Cluster.Client.GetGrain<ICustomerGrain>("busy");
        await customer.Upsert(Business.Customer("busy", creditScore: 90));
        await cluster.Cluster.DeactivateAsync(customer); // the concurrent calls below race to activate it
        var before = cluster.Calls.For(customer.GetGrainId()).Count;

        // All calls are started before any is awaited; call i goes through silo i % 3.
        var calls = Enumerable.Range(0, OrdersPerSilo * silos.Count).Select(i =>
        {
            var grain = silos[i % silos.Count].GetGrain<ICustomerGrain>("busy");
            return grain.PlaceOrder(Business.Order("busy", $"busy-{i}", 10m + i, start));
        }).ToList();
        var snapshots = silos.Select(s => s.GetGrain<ICustomerGrain>("busy").GetSnapshot()).ToList();
        var results = await Task.WhenAll(calls);
        await Task.WhenAll(snapshots);

        var expectedExposure = results.Select((_, i) => (10m + i) * 1.21m).Sum();
        Assert.All(results, r => Assert.Equal(OrderStatus.Invoiced, r.Status));
        Assert.Equal(results.Length, results.Select(r => r.InvoiceId).Distinct().Count());

        // Exactly one activation handled every call, whichever silo it came through.
        var handled = cluster.Calls.For(customer.GetGrainId()).Skip(before).ToList();
        Assert.True(handled.Count >= results.Length + snapshots.Count, $"{handled.Count} calls recorded");
        Assert.Single(handled.Select(c => c.Activation).Distinct());
        Assert.Single(handled.Select(c => c.Silo).Distinct());
        var management = cluster.Cluster.Client.GetGrain<IManagementGrain>(0);
        Assert.Equal(1, await management.GetGrainActivationCount((GrainReference)customer));
        var statistics = await management.GetDetailedGrainStatistics();
        Assert.Single(statistics, s => s.GrainId == customer.GetGrainId());

        // The state adds up: every order an invoice, the exposure their sum, in the grain and in the rows.
        Assert.Equal(expectedExposure, (await silos[1].GetGrain<ICustomerGrain>("busy").GetSnapshot())!.OpenExposure);
        Assert.Equal($"{results.Length} {expectedExposure:0.00}", await cluster.ScalarAsync("SELECT count(*) || ' ' || sum(total) FROM invoices WHERE customer_id = 'busy'"));
        Assert.Equal($"{results.Length}", await cluster.ScalarAsync("SELECT count(*) FROM orders WHERE customer_id = 'busy' AND status = 'Invoiced'"));
        Assert.Equal($"{expectedExposure:0.00}", await cluster.ScalarAsync("SELECT open_exposure FROM customers WHERE customer_id = 'busy'"));

        // After a fresh activation (from the stock provider's stored state) the exposure still adds up.
        await cluster.Cluster.DeactivateAsync(customer);
        Assert.Equal(expectedExposure, (await silos[2].GetGrain<ICustomerGrain>("busy").GetSnapshot())!.OpenExposure);
    }
}
