using System.Diagnostics;
using O2C.Bench.Api;
using O2C.Bench.Ceilings;
using O2C.Bench.Load;
using O2C.Bench.Reporting;

namespace O2C.Bench.Scenarios;

/// <summary>
/// dunning-chain: N invoices (default 1,000), one per customer, customers in turn Low (score 80), Medium (50)
/// and High (20), walked through every stage of their default ladders by advancing the clock to each stage
/// day. Stage transitions/s (messages rendered per second of advancing) as a ratio to P-Q; at the end every
/// case must be InCollection at stage Collection with one message per post-due stage.
/// </summary>
public sealed class DunningChainScenario : IScenario
{
    public const int PaymentTermDays = 30;

    // Days from the due date on which some default ladder acts (pre-due, overdue, reminders, final, collection).
    public static readonly IReadOnlyList<int> StageDays = [-5, -3, 1, 3, 7, 14, 21, 28, 35, 42, 50];

    private static readonly int[] Scores = [80, 50, 20];

    public string Name => "dunning-chain";

    public int CopyOrders(ScenarioContext context) => context.Options.Invoices ?? 1_000;

    public async Task RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var invoices = CopyOrders(context);
        var (silo, connectionString) = await context.StartSiloAsync(Name, null, cancellationToken);
        await using (silo)
        {
            using var http = BenchHttp.CreateClient(silo.Address, Workload.SetupClients);
            var api = new O2CApiClient(http);
            await Workload.CreateCustomersAsync(api, context.RunId, invoices, i => Scores[i % Scores.Length], PaymentTermDays, cancellationToken);
            await Workload.IssueInvoicesAsync(api, invoices,
                i => OrderRequest.Sample(Workload.OrderId(context.RunId, "chain", i), Workload.CustomerId(context.RunId, i), Workload.OrderDate),
                cancellationToken);

            var due = Workload.OrderDate.AddDays(PaymentTermDays);
            var pattern = $"{context.RunId}-c%";
            var advancing = TimeSpan.Zero;
            var steps = new List<string>();
            var before = await Sql.CountAsync(connectionString, "SELECT count(*) FROM messages WHERE customer_id LIKE $1", pattern);
            foreach (var day in StageDays)
            {
                var to = new DateTimeOffset(due.AddDays(day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(1);
                var started = Stopwatch.GetTimestamp();
                await api.AdvanceClockAsync(to, cancellationToken);
                var took = Stopwatch.GetElapsedTime(started);
                advancing += took;
                var now = await Sql.CountAsync(connectionString, "SELECT count(*) FROM messages WHERE customer_id LIKE $1", pattern);
                steps.Add($"{day:+0;-0}d: {now - before} in {took.TotalSeconds:0.00} s");
                before = now;
            }

            var transitions = await Sql.CountAsync(connectionString, "SELECT count(*) FROM messages WHERE customer_id LIKE $1", pattern);
            var notCollected = await Sql.CountAsync(connectionString,
                "SELECT count(*) FROM cases WHERE customer_id LIKE $1 AND NOT (status = 'InCollection' AND stage = 'Collection')", pattern);
            var cases = await Sql.CountAsync(connectionString, "SELECT count(*) FROM cases WHERE customer_id LIKE $1", pattern);
            var wrongLadder = await Sql.CountAsync(connectionString,
                "SELECT count(*) FROM cases c WHERE c.customer_id LIKE $1 AND (SELECT count(DISTINCT stage) FROM messages m WHERE m.case_id = c.case_id) <> 4", pattern);
            var figure = new Figure(Name, $"stage transitions/s ({invoices:N0} invoices through every stage)", transitions / advancing.TotalSeconds, "transitions/s")
            {
                Note = $"{transitions:N0} messages in {advancing.TotalSeconds:0.0} s of clock advances; {cases:N0} cases, {notCollected:N0} not at Collection, "
                    + $"{wrongLadder:N0} without exactly the 4 post-due stages; per step: {string.Join("; ", steps)}",
            }.AgainstCeiling(context.Report.Ceiling(CeilingSuite.Queue));
            var correct = cases == invoices && notCollected == 0 && wrongLadder == 0;
            context.Report.Add(correct ? figure : figure with { Status = $"failed: {cases:N0} cases for {invoices:N0} customers, {notCollected:N0} not at Collection, {wrongLadder:N0} with a wrong ladder" });
        }
    }
}
