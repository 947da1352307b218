using System.Net;
using O2C.Tests.Support;

namespace O2C.Api.Tests.Collections;

[Collection(PostgresFixture.Collection)]
public sealed class WorklistFlowTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_large_old_high_risk_debt_ranks_above_a_small_new_low_risk_one_and_says_why()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var driver = new CollectionsDriver(new ApiDriver(cluster));
        await driver.CustomerAsync("whale", "NL", "en", creditScore: 20, paymentTermDays: 1);   // High: 60,500.00 due day 1
        await driver.CustomerAsync("minnow", "NL", "en", creditScore: 90, paymentTermDays: 15); // Low: 121.00 due day 15
        await driver.InvoiceAsync("o-whale", "whale", 50_000m);
        await driver.InvoiceAsync("o-minnow", "minnow", 100m);
        await driver.AdvanceToDayAsync(20);
        var whaleCase = await driver.CaseIdAsync("whale");
        var minnowCase = await driver.CaseIdAsync("minnow");

        var worklist = await driver.Api.GetAsync("/v1/worklist");
        var (assigned, _) = await driver.Api.PostAsync($"/v1/cases/{minnowCase}/assign", new { collector = "anna" });
        var annas = await driver.Api.GetAsync("/v1/worklist?collector=anna");
        var (badLimit, problem) = await driver.Api.SendAsync(HttpMethod.Get, "/v1/worklist?limit=0");

        var items = worklist["items"]!.AsArray();
        Assert.Equal([whaleCase, minnowCase], items.Select(i => i!["caseId"]!.GetValue<string>()).ToList());
        Assert.Equal([1, 2], items.Select(i => i!["rank"]!.GetValue<int>()).ToList());
        var whale = items[0]!;
        Assert.Equal(("High", 19, 60_500m), (whale["riskProfile"]!.GetValue<string>(), whale["daysOverdue"]!.GetValue<int>(), whale["amountAtRisk"]!.GetValue<decimal>()));
        // likelihood 0.45 + 0.40 x 19/180 = 0.4922; urgency: the collection step is due on day 22, 1 / (1 + 2/7) = 0.7778.
        Assert.StartsWith("EUR 60500.00 at risk x 49% likely unpaid (High risk, 19 days overdue) x urgency 0.78 (next step in 2 days)", whale["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("EUR 121.00 at risk x 11% likely unpaid (Low risk, 5 days overdue)", items[1]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(whale["score"]!.GetValue<decimal>() > items[1]!["score"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.OK, assigned);
        Assert.Equal([minnowCase], annas["items"]!.AsArray().Select(i => i!["caseId"]!.GetValue<string>()).ToList());
        Assert.Equal("anna", annas["items"]![0]!["collector"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, badLimit);
        Assert.NotNull(problem!["errors"]!["limit"]);
    }
}
