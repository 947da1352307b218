using System.Diagnostics;
using O2C.Bench.Api;
using O2C.Bench.Ceilings;
using O2C.Bench.Load;
using O2C.Bench.Reporting;

namespace O2C.Bench.Scenarios;

/// <summary>
/// due-storm: N invoices (default 100,000, five per customer) all due at the same business instant.
/// Customers are High risk (first reminder the day after the due date, so becoming overdue, opening the
/// case and the first message happen at one instant) with a 5-day term (no pre-due reminder: it would fall
/// on the issue date). One timed <c>POST /v1/clock/advance</c> to just past that instant; then SQL checks:
/// every invoice Overdue, one case per customer, exactly one first message per case.
/// Rate as a ratio to P-Q (target at least 0.30x, aim 0.60x).
/// </summary>
public sealed class DueStormScenario : IScenario
{
    public const int PaymentTermDays = 5;
    public const int HighRiskScore = 20;

    public string Name => "due-storm";

    public int CopyOrders(ScenarioContext context) => context.Options.Invoices ?? 100_000;

    public async Task RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var invoices = CopyOrders(context);
        var perCustomer = context.Options.InvoicesPerCustomer ?? 5;
        var customers = (invoices + perCustomer - 1) / perCustomer;
        var (silo, connectionString) = await context.StartSiloAsync(Name, null, cancellationToken);
        await using (silo)
        {
            using var http = BenchHttp.CreateClient(silo.Address, Workload.SetupClients);
            var api = new O2CApiClient(http);
            await SetUpAsync(api, context.RunId, invoices, customers, PaymentTermDays, cancellationToken);
            var warmUp = await WarmUpStormAsync(context, api, connectionString, invoices, perCustomer, cancellationToken);

            var storm = await FallDueAsync(api, connectionString, context.RunId, invoices, customers, PaymentTermDays, cancellationToken);
            var figure = new Figure(Name, $"invoices overdue with case and first message /s ({invoices:N0} invoices)", invoices / storm.Total.TotalSeconds, "invoices/s")
            {
                Note = $"{storm.Total.TotalSeconds:0.0} s until complete (clock advance call {storm.Advance.TotalSeconds:0.0} s); {customers:N0} customers, {perCustomer} invoices each; {storm.State}; after {warmUp}",
            }.WithCpu(storm.MachineCpu, invoices).AgainstCeiling(context.Report.Ceiling(CeilingSuite.Queue), "≥0.30x (aim 0.60x)");
            context.Report.Add(storm.State.IsCorrect(invoices, customers) ? figure : figure with { Status = $"failed: {storm.State}" });
        }
    }

    /// <summary>
    /// An unmeasured storm the business day before, of other customers with a day shorter term, so the
    /// measured one meets a silo that has run storms before (code jitted and tiered up) rather than one
    /// compiling as it goes. Sized at an assumed 1,000 invoices/s for --warm-up seconds, at most the
    /// measured storm's size; its cases' next steps fall after the measured instant.
    /// </summary>
    private async Task<string> WarmUpStormAsync(ScenarioContext context, O2CApiClient api, string connectionString, int invoices, int perCustomer, CancellationToken cancellationToken)
    {
        var size = (int)Math.Min(invoices, context.Options.WarmUp.TotalSeconds * 1_000) / perCustomer * perCustomer;
        if (size == 0)
        {
            return "no warm-up storm";
        }

        var runId = context.RunId + "w";
        var customers = size / perCustomer;
        await SetUpAsync(api, runId, size, customers, PaymentTermDays - 1, cancellationToken);
        var storm = await FallDueAsync(api, connectionString, runId, size, customers, PaymentTermDays - 1, cancellationToken);
        return storm.State.IsCorrect(size, customers)
            ? $"an unmeasured warm-up storm of {size:N0} invoices the day before ({storm.Total.TotalSeconds:0.0} s)"
            : throw new InvalidOperationException($"{Name}: the warm-up storm did not complete correctly: {storm.State}");
    }

    /// <summary>High-risk customers with <paramref name="paymentTermDays"/>, and their invoices issued today, spread evenly.</summary>
    private static async Task SetUpAsync(O2CApiClient api, string runId, int invoices, int customers, int paymentTermDays, CancellationToken cancellationToken)
    {
        await Workload.CreateCustomersAsync(api, runId, customers, _ => HighRiskScore, paymentTermDays, cancellationToken);
        await Workload.IssueInvoicesAsync(api, invoices,
            i => OrderRequest.Sample(Workload.OrderId(runId, "storm", i), Workload.CustomerId(runId, i % customers), Workload.OrderDate),
            cancellationToken);
    }

    /// <summary>Advances the clock to just past the day those invoices become overdue and waits until the SQL checks see the storm through.</summary>
    private async Task<StormRun> FallDueAsync(
        O2CApiClient api, string connectionString, string runId, int invoices, int customers, int paymentTermDays, CancellationToken cancellationToken)
    {
        var to = new DateTimeOffset(Workload.OrderDate.AddDays(paymentTermDays + 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(1);
        Console.WriteLine($"{Name}: {invoices:N0} invoices of {customers:N0} customers fall due; advancing the clock to {to:O}");
        var cpu = MachineCpu.Read();
        var started = Stopwatch.GetTimestamp();
        await api.AdvanceClockAsync(to, cancellationToken);
        var advance = Stopwatch.GetElapsedTime(started);
        var state = await new StormCheck(connectionString, $"{runId}-c%").WaitUntilCompleteAsync(invoices, customers, TimeSpan.FromMinutes(10), cancellationToken);
        return new StormRun(state, advance, Stopwatch.GetElapsedTime(started), MachineCpu.BusySince(cpu));
    }

    private sealed record StormRun(StormCheck.State State, TimeSpan Advance, TimeSpan Total, TimeSpan? MachineCpu);
}
