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
            await Workload.CreateCustomersAsync(api, context.RunId, customers, _ => HighRiskScore, PaymentTermDays, cancellationToken);
            await Workload.IssueInvoicesAsync(api, invoices,
                i => OrderRequest.Sample(Workload.OrderId(context.RunId, "storm", i), Workload.CustomerId(context.RunId, i % customers), Workload.OrderDate),
                cancellationToken);

            var overdueAt = new DateTimeOffset(Workload.OrderDate.AddDays(PaymentTermDays + 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            Console.WriteLine($"{Name}: {invoices:N0} invoices of {customers:N0} customers fall due; advancing the clock to {overdueAt.AddMinutes(1):O}");
            var started = Stopwatch.GetTimestamp();
            await api.AdvanceClockAsync(overdueAt.AddMinutes(1), cancellationToken);
            var advance = Stopwatch.GetElapsedTime(started);
            var check = new StormCheck(connectionString, $"{context.RunId}-c%");
            var state = await check.WaitUntilCompleteAsync(invoices, customers, TimeSpan.FromMinutes(10), cancellationToken);
            var total = Stopwatch.GetElapsedTime(started);

            var figure = new Figure(Name, $"invoices overdue with case and first message /s ({invoices:N0} invoices)", invoices / total.TotalSeconds, "invoices/s")
            {
                Note = $"{total.TotalSeconds:0.0} s until complete (clock advance call {advance.TotalSeconds:0.0} s); {customers:N0} customers, {perCustomer} invoices each; {state}",
            }.AgainstCeiling(context.Report.Ceiling(CeilingSuite.Queue), "≥0.30x (aim 0.60x)");
            context.Report.Add(state.IsCorrect(invoices, customers) ? figure : figure with { Status = $"failed: {state}" });
        }
    }
}
