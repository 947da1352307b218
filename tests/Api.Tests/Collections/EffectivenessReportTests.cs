using System.Net;
using System.Text.Json.Nodes;
using O2C.Tests.Support;

namespace O2C.Api.Tests.Collections;

/// <summary>
/// The effectiveness report against a hand count. Four Low-risk customers, 121.00 each due on day 30
/// (reminder day 37, second reminder day 51, final notice day 65), e-mail only:
/// A (en) pays on day 40, B (en) on day 56, C (en) never, D (de) on day 39. Within 7 days:
/// Reminder/en: 3 sent (A, B, C), A paid (day 40 &lt;= 44): 1 of 3. Reminder/de: D paid: 1 of 1.
/// SecondReminder/en: 2 sent (B, C), B paid (day 56 &lt;= 58): 1 of 2. FinalNotice/en: C only: 0 of 1.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class EffectivenessReportTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_figures_per_step_match_a_hand_count()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var driver = new CollectionsDriver(new ApiDriver(cluster));
        var invoices = new Dictionary<string, string>();
        foreach (var (id, language) in new[] { ("eff-a", "en"), ("eff-b", "en"), ("eff-c", "en"), ("eff-d", "de") })
        {
            await driver.CustomerAsync(id, "NL", language);
            invoices[id] = await driver.InvoiceAsync($"o-{id}", id, 100m);
        }

        await driver.AdvanceToDayAsync(39);
        await driver.PayAsync("eff-d-pay", invoices["eff-d"], 121m, 39);
        await driver.AdvanceToDayAsync(40);
        await driver.PayAsync("eff-a-pay", invoices["eff-a"], 121m, 40);
        await driver.AdvanceToDayAsync(56);
        await driver.PayAsync("eff-b-pay", invoices["eff-b"], 121m, 56);
        await driver.AdvanceToDayAsync(70);

        var report = await driver.Api.GetAsync("/v1/reports/effectiveness?from=2026-01-01&to=2026-12-31&days=7");
        var (bad, problem) = await driver.Api.SendAsync(HttpMethod.Get, "/v1/reports/effectiveness?from=2026-03-01&to=2026-02-01&days=400");

        var steps = report["steps"]!.AsArray().Select(Row).ToList();
        Assert.Equal(
            [
                ("FinalNotice", "Low", "Email", "en", 1, 1, 0, 0m),
                ("Reminder", "Low", "Email", "de", 1, 1, 1, 1m),
                ("Reminder", "Low", "Email", "en", 3, 3, 1, 0.3333m),
                ("SecondReminder", "Low", "Email", "en", 2, 2, 1, 0.5m),
            ],
            steps);
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.NotNull(problem!["errors"]!["to"]);
        Assert.NotNull(problem["errors"]!["days"]);
    }

    private static (string, string, string, string, int, int, int, decimal) Row(JsonNode? step) => (
        step!["stage"]!.GetValue<string>(), step["riskProfile"]!.GetValue<string>(), step["channel"]!.GetValue<string>(),
        step["language"]!.GetValue<string>(), step["messagesSent"]!.GetValue<int>(), step["invoicesChased"]!.GetValue<int>(),
        step["paidWithinDays"]!.GetValue<int>(), step["share"]!.GetValue<decimal>());
}
