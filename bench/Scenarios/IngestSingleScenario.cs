using O2C.Bench.Api;
using O2C.Bench.Ceilings;
using O2C.Bench.Load;

namespace O2C.Bench.Scenarios;

/// <summary>
/// ingest-single: <c>POST /v1/orders</c> from 64 concurrent clients (or at <c>--rate</c>); orders/s and
/// p50/p99 as a ratio to P-ROW (target at least 1x, aim 3x: group commit must beat a commit per request).
/// </summary>
public sealed class IngestSingleScenario : IScenario
{
    public string Name => "ingest-single";

    public int CopyOrders(ScenarioContext context) => context.Options.Orders ?? 20_000;

    public async Task RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var orders = CopyOrders(context);
        var concurrency = options.Concurrency ?? 64;
        var customers = (orders + (options.InvoicesPerCustomer ?? 10) - 1) / (options.InvoicesPerCustomer ?? 10);
        var (silo, _) = await context.StartSiloAsync(Name, null, cancellationToken);
        await using (silo)
        {
            using var http = BenchHttp.CreateClient(silo.Address, Math.Max(concurrency, Workload.SetupClients));
            var api = new O2CApiClient(http);
            await Workload.CreateCustomersAsync(api, context.RunId, customers, _ => 50, 30, cancellationToken);

            // Unmeasured warm-up on the same path for --warm-up seconds: the silo's code is jitted and
            // tiered up and its customers are active, as on a server that has been taking orders for a while.
            var warmUp = await Workload.WarmUpAsync(context.Options.WarmUp, concurrency, async (i, token) =>
            {
                await api.PlaceOrderAsync(OrderRequest.Sample(Workload.OrderId(context.RunId, "warm", i), Workload.CustomerId(context.RunId, i % customers), Workload.OrderDate), token);
                return 1;
            }, cancellationToken);

            foreach (var watched in options.WatchDashboard ? new[] { false, true } : [false])
            {
                var tag = watched ? "sw" : "s";
                var shape = new LoadShape(concurrency, options.Rate, orders, null);
                var outcomes = new OrderOutcomes();
                var watcher = watched ? new DashboardWatcher(silo.Address) : null;
                var result = await LoadGenerator.RunAsync(shape, async (i, token) =>
                {
                    var order = OrderRequest.Sample(Workload.OrderId(context.RunId, tag, i), Workload.CustomerId(context.RunId, i % customers), Workload.OrderDate);
                    outcomes.Add(await api.PlaceOrderAsync(order, token));
                    return 1;
                }, cancellationToken);
                var watchNote = watcher is null ? "" : "; " + await watcher.StopAsync();
                if (watcher is not null)
                {
                    await watcher.DisposeAsync();
                }

                context.Report.Add(IngestFigures.Rate(Name, $"single orders{(watched ? ", dashboard watched" : "")}", result, outcomes, shape)
                    .AgainstCeiling(context.Report.Ceiling(CeilingSuite.Row), "≥1x (aim 3x)") with { Note = $"{orders:N0} orders after {warmUp}, {outcomes}{watchNote}" });
            }
        }
    }
}
