using System.Diagnostics;
using O2C.Bench.Api;
using O2C.Bench.Hosting;
using O2C.Bench.Load;
using O2C.Bench.Reporting;

namespace O2C.Bench.Scenarios;

/// <summary>
/// activations: N invoices issued (default 1,000,000, ten per customer) through the batch API with idle
/// collection after 5 s; invoice activations/s, peak activations, bytes per active grain (silo RSS above
/// its idle baseline, divided by the activations the silo reported at that moment: an upper bound that
/// includes state and garbage), and the silo's memory after idle collection.
/// </summary>
public sealed class ActivationsScenario : IScenario
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["O2C__Grains__CollectionAge"] = "00:00:05",
        ["O2C__Grains__CollectionQuantum"] = "00:00:01",
    };

    public string Name => "activations";

    public int CopyOrders(ScenarioContext context) => context.Options.Invoices ?? 1_000_000;

    public async Task RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var invoices = CopyOrders(context);
        var perCustomer = context.Options.InvoicesPerCustomer ?? 10;
        var customers = (invoices + perCustomer - 1) / perCustomer;
        var (silo, connectionString) = await context.StartSiloAsync(Name, Settings, cancellationToken);
        await using (silo)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var baseline = silo.ResidentBytes() ?? 0;
            await using var sampler = new MemorySampler(silo);
            using var http = BenchHttp.CreateClient(silo.Address, Workload.SetupClients);
            var api = new O2CApiClient(http);
            var started = Stopwatch.GetTimestamp();
            await Workload.CreateCustomersAsync(api, context.RunId, customers, _ => 50, 30, cancellationToken);
            var ingest = await Workload.IssueInvoicesAsync(api, invoices,
                i => OrderRequest.Sample(Workload.OrderId(context.RunId, "act", i), Workload.CustomerId(context.RunId, i % customers), Workload.OrderDate),
                cancellationToken);
            var total = Stopwatch.GetElapsedTime(started);
            // One more heartbeat after the ingest: a short run may end between two samples.
            await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
            sampler.Observe(await sampler.TakeAsync());
            var peak = sampler.Peak;

            var collected = await sampler.WaitForCollectionAsync(TimeSpan.FromSeconds(60), cancellationToken);
            var scenario = Name;
            context.Report.Add(new Figure(scenario, $"invoice activations/s ({invoices:N0} invoices)", ingest.UnitsPerSecond, "activations/s")
            {
                Note = $"{customers:N0} customers and {invoices:N0} invoices activated in {total.TotalSeconds:0.0} s ({(customers + invoices) / total.TotalSeconds:N0} grains/s including customer upserts)",
            });
            context.Report.Add(new Figure(scenario, "peak activations (idle collection after 5 s)", peak.Activations, "activations")
            {
                Note = $"silo RSS {Mib(peak.Resident)} MiB at that moment; idle baseline {Mib(baseline)} MiB; peak RSS {Mib(sampler.PeakResident)} MiB",
            });
            var perGrain = peak.Activations > 0 ? (double)(peak.Resident - baseline) / peak.Activations : (double?)null;
            context.Report.Add(new Figure(scenario, "bytes per active grain (RSS above baseline / activations)", perGrain, "bytes")
            {
                Target = "≤2048 B runtime overhead",
                Note = "an upper bound: includes grain state, HTTP buffers and uncollected garbage",
            });
            context.Report.Add(new Figure(scenario, "silo RSS after idle collection", collected.Resident / (1024.0 * 1024), "MiB")
            {
                Note = $"{collected.Activations:N0} activations left; the GC need not return freed memory to the OS at once",
            });
        }
    }

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
