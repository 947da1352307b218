using System.Net;
using O2C.Tests.Support;

namespace O2C.Api.Tests.Collections;

/// <summary>
/// Payment plans over HTTP: 12,100.00 due on day 30 (Low ladder: reminder day 37, second reminder day 51),
/// a plan agreed on day 40 of 6,050.00 on day 50 (2026-02-24) and 6,050.00 on day 70 (2026-03-16), 5 grace days.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class PaymentPlanFlowTests(PostgresFixture postgres)
{
    private static readonly object Plan = new
    {
        instalments = new[] { new { date = "2026-02-24", amount = 6050m }, new { date = "2026-03-16", amount = 6050m } },
        reason = "short of cash until the spring orders",
    };

    [Fact]
    public async Task A_kept_plan_pauses_the_ladder_and_closes_the_case()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var driver = new CollectionsDriver(new ApiDriver(cluster));
        await driver.CustomerAsync("keeper", "NL", "en");
        var invoice = await driver.InvoiceAsync("o-keeper", "keeper", 10_000m);
        await driver.AdvanceToDayAsync(40);
        var caseId = await driver.CaseIdAsync("keeper");

        var (status, planned) = await driver.Api.PostAsync($"/v1/cases/{caseId}/payment-plan", Plan);
        await driver.AdvanceToDayAsync(48);
        await driver.PayAsync("keep-1", invoice, 6050m, 48);
        await driver.AdvanceToDayAsync(69);
        var beforeLast = await driver.Api.GetAsync($"/v1/cases/{caseId}");
        await driver.PayAsync("keep-2", invoice, 6050m, 69);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Paused", planned!["status"]!.GetValue<string>());
        Assert.Equal("Plan", planned["hold"]!.GetValue<string>());
        Assert.Equal("Paused", beforeLast["status"]!.GetValue<string>());
        Assert.Equal([("Reminder", 37, "Email")], await driver.Api.MessagesAsync("keeper"));
        var closed = await driver.Api.GetAsync($"/v1/cases/{caseId}");
        Assert.Equal("Closed", closed["status"]!.GetValue<string>());
        Assert.Null(closed["hold"]);
        var timeline = await driver.TimelineAsync(caseId);
        Assert.Equal(2, timeline.Count(k => k == "PlanPaymentReceived"));
        Assert.Equal(["PaymentPlanAgreed", "PlanPaymentReceived", "PlanPaymentReceived", "PaymentPlanCompleted", "CaseClosed"],
            timeline.SkipWhile(k => k != "PaymentPlanAgreed").Where(k => k.StartsWith('P') || k == "CaseClosed").ToList());
    }

    [Fact]
    public async Task A_missed_instalment_breaks_the_plan_and_the_ladder_resumes_the_next_day()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var driver = new CollectionsDriver(new ApiDriver(cluster));
        await driver.CustomerAsync("breaker", "NL", "en");
        var invoice = await driver.InvoiceAsync("o-breaker", "breaker", 10_000m);
        await driver.AdvanceToDayAsync(40);
        var caseId = await driver.CaseIdAsync("breaker");

        await driver.Api.PostAsync($"/v1/cases/{caseId}/payment-plan", Plan);
        await driver.AdvanceToDayAsync(50);
        await driver.PayAsync("break-1", invoice, 6050m, 50);
        await driver.AdvanceToDayAsync(75); // the second instalment's last day of grace (day 70 + 5)
        var inGrace = await driver.Api.MessagesAsync("breaker");
        await driver.AdvanceToDayAsync(76);

        Assert.Equal([("Reminder", 37, "Email")], inGrace);
        Assert.Equal([("Reminder", 37, "Email"), ("SecondReminder", 76, "Email")], await driver.Api.MessagesAsync("breaker"));
        var resumed = await driver.Api.GetAsync($"/v1/cases/{caseId}");
        Assert.Equal("Open", resumed["status"]!.GetValue<string>());
        Assert.Equal(1, resumed["brokenPlans"]!.GetValue<int>());
        var broken = resumed["timeline"]!.AsArray().Single(t => t!["kind"]?.GetValue<string>() == "PaymentPlanBroken");
        Assert.Equal(
            "the ladder resumes: broken on 2026-03-22: instalment 2 of 2 (6050.00 due 2026-03-16) was 6050.00 short after 5 grace days.",
            broken!["data"]!["reason"]!.GetValue<string>());
        var customer = await driver.Api.GetAsync("/v1/customers/breaker");
        Assert.Contains(customer["timeline"]!.AsArray(), t => t!["kind"]!.GetValue<string>() == "PaymentPlanBroken");
    }

    [Fact]
    public async Task A_plan_is_one_hold_with_promises_and_bad_instalments_are_named()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var driver = new CollectionsDriver(new ApiDriver(cluster));
        await driver.CustomerAsync("holder", "NL", "en");
        await driver.InvoiceAsync("o-holder", "holder", 10_000m);
        await driver.AdvanceToDayAsync(40);
        var caseId = await driver.CaseIdAsync("holder");

        var (promised, _) = await driver.Api.PostAsync($"/v1/cases/{caseId}/promise", new { amount = 12100m, date = "2026-02-20" });
        var (planWhilePromise, conflict) = await driver.Api.PostAsync($"/v1/cases/{caseId}/payment-plan", Plan);
        var (short_, shortProblem) = await driver.Api.PostAsync($"/v1/cases/{caseId}/payment-plan", new
        {
            instalments = new[] { new { date = "2026-02-24", amount = 6050m }, new { date = "2026-02-20", amount = 6000m } },
            replaces = true,
        });
        var (replaced, replacing) = await driver.Api.PostAsync($"/v1/cases/{caseId}/payment-plan", new
        {
            instalments = new[] { new { date = "2026-02-24", amount = 6050m }, new { date = "2026-03-16", amount = 6050m } },
            replaces = true,
        });
        var (promiseWhilePlan, _) = await driver.Api.PostAsync($"/v1/cases/{caseId}/promise", new { amount = 100m, date = "2026-02-20" });

        Assert.Equal(HttpStatusCode.OK, promised);
        Assert.Equal(HttpStatusCode.Conflict, planWhilePromise);
        Assert.Contains("must say it replaces it", conflict!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, short_);
        Assert.NotNull(shortProblem!["errors"]!["instalments[1].date"]);
        Assert.NotNull(shortProblem["errors"]!["instalments"]);
        Assert.Equal(HttpStatusCode.OK, replaced);
        Assert.Equal("Plan", replacing!["hold"]!.GetValue<string>());
        Assert.Null(replacing["promise"]);
        Assert.Equal(HttpStatusCode.Conflict, promiseWhilePlan);
        Assert.Contains("HoldReplaced", await driver.TimelineAsync(caseId));
    }
}
