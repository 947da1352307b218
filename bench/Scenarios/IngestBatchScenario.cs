using O2C.Bench.Api;
using O2C.Bench.Ceilings;
using O2C.Bench.Load;
using O2C.Bench.Reporting;

namespace O2C.Bench.Scenarios;

/// <summary>
/// ingest-batch: <c>POST /v1/orders/batch</c> with batches of 100 and of 1,000 orders; orders/s and the
/// latency of each request, as a ratio to P-COPY (target at least 0.25x, aim 0.50x).
/// </summary>
public sealed class IngestBatchScenario : IScenario
{
    public static readonly IReadOnlyList<int> BatchSizes = [100, 1000];

    public string Name => "ingest-batch";

    public int CopyOrders(ScenarioContext context) => context.Options.Orders ?? 100_000;

    public async Task RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var orders = CopyOrders(context);
        var concurrency = options.Concurrency ?? Workload.SetupBatchClients;
        var customers = (orders + (options.InvoicesPerCustomer ?? 10) - 1) / (options.InvoicesPerCustomer ?? 10);
        var (silo, connectionString) = await context.StartSiloAsync(Name, null, cancellationToken);
        await using (silo)
        {
            using var http = BenchHttp.CreateClient(silo.Address, Math.Max(concurrency, Workload.SetupClients));
            var api = new O2CApiClient(http);
            await Workload.CreateCustomersAsync(api, context.RunId, customers, _ => 50, 30, cancellationToken);
            var warmUp = await Workload.WarmUpAsync(context.Options.WarmUp, concurrency, async (b, token) =>
            {
                var batch = Enumerable.Range(0, BatchSizes[0])
                    .Select(i => OrderRequest.Sample(Workload.OrderId(context.RunId, "warm", b * BatchSizes[0] + i), Workload.CustomerId(context.RunId, i % customers), Workload.OrderDate))
                    .ToList();
                await api.PlaceBatchAsync(batch, new OrderOutcomes(), token);
                return batch.Count;
            }, cancellationToken);
            foreach (var batchSize in BatchSizes)
            {
                foreach (var watched in context.Options.WatchDashboard ? new[] { false, true } : [false])
                {
                    var tag = $"b{batchSize}{(watched ? "w" : "")}";
                    var shape = new LoadShape(concurrency, options.Rate, null, null);
                    var outcomes = new OrderOutcomes();
                    var watcher = watched ? new DashboardWatcher(silo.Address) : null;
                    var result = await Workload.SendBatchesAsync(api, shape, orders, batchSize,
                        i => OrderRequest.Sample(Workload.OrderId(context.RunId, tag, i), Workload.CustomerId(context.RunId, i % customers), Workload.OrderDate),
                        outcomes, cancellationToken);
                    var watchNote = watcher is null ? "" : "; " + await watcher.StopAsync();
                    if (watcher is not null)
                    {
                        await watcher.DisposeAsync();
                    }

                    context.Report.Add(IngestFigures.Rate(Name, $"batches of {batchSize}{(watched ? ", dashboard watched" : "")}", result, outcomes, shape)
                        .AgainstCeiling(context.Report.Ceiling(CeilingSuite.Copy), "≥0.25x (aim 0.50x)") with { Note = $"{orders:N0} orders after {warmUp}, {outcomes}{watchNote}" });
                }
            }

            context.Report.Add(new Figure(Name, $"rows inserted per order (P-COPY model: {OrderRows.InsertedPerOrder} + 2 customer row versions)",
                await RowCount.InsertedPerOrderAsync(connectionString, context.RunId), "rows"));
        }
    }
}
