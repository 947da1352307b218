using System.Net;
using O2C.Tests.Support;

namespace O2C.Api.Tests.Collections;

[Collection(PostgresFixture.Collection)]
public sealed class WriteOffAndHandoverFlowTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_write_off_of_the_rest_leaves_exposure_and_the_case_and_a_later_payment_is_a_recovery()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var driver = new CollectionsDriver(new ApiDriver(cluster));
        await driver.CustomerAsync("writer", "NL", "en");
        var invoice = await driver.InvoiceAsync("o-writer", "writer", 1000m); // 1,210.00 due day 30
        await driver.AdvanceToDayAsync(35);
        await driver.PayAsync("w-part", invoice, 210m, 35);
        var caseId = await driver.CaseIdAsync("writer");
        await driver.AdvanceToDayAsync(40);

        var (wrongStatus, wrong) = await driver.Api.PostAsync($"/v1/invoices/{invoice}/write-off", new { reason = "debtor insolvent", amount = 100m });
        var (noReason, noReasonProblem) = await driver.Api.PostAsync($"/v1/invoices/{invoice}/write-off", new { amount = 1000m });
        var (status, writtenOff) = await driver.Api.PostAsync($"/v1/invoices/{invoice}/write-off", new { reason = "debtor insolvent", amount = 1000m });
        var (againStatus, _) = await driver.Api.PostAsync($"/v1/invoices/{invoice}/write-off", new { reason = "again" });
        var (unknownStatus, _) = await driver.Api.PostAsync("/v1/invoices/nope/write-off", new { reason = "x" });
        var customerAfter = await driver.Api.GetAsync("/v1/customers/writer");
        var caseAfter = await driver.Api.GetAsync($"/v1/cases/{caseId}");
        await driver.AdvanceToDayAsync(45);
        var recovery = await driver.PayAsync("w-late", invoice, 500m, 45);
        var recovered = await driver.Api.GetAsync($"/v1/invoices/{invoice}");

        Assert.Equal(HttpStatusCode.BadRequest, wrongStatus);
        Assert.Contains("1000.00", wrong!["errors"]!["amount"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.NotNull(noReasonProblem!["errors"]!["reason"]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("WrittenOff", writtenOff!["status"]!.GetValue<string>());
        Assert.Equal(1000m, writtenOff["writtenOff"]!.GetValue<decimal>());
        Assert.Equal(0m, writtenOff["outstanding"]!.GetValue<decimal>());
        Assert.Equal("debtor insolvent", writtenOff["writeOffReason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, againStatus);
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.Equal(0m, customerAfter["openExposure"]!.GetValue<decimal>());
        Assert.Equal("Closed", caseAfter["status"]!.GetValue<string>());
        Assert.Contains(caseAfter["timeline"]!.AsArray(), t => t!["kind"]?.GetValue<string>() == "InvoiceWrittenOff");
        Assert.Equal("Matched", recovery["status"]!.GetValue<string>());
        Assert.Equal(500m, recovered["recovered"]!.GetValue<decimal>());
        Assert.Equal("WrittenOff", recovered["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_case_at_the_end_of_its_ladder_is_handed_over_with_its_figures_and_a_later_payment_shows()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var driver = new CollectionsDriver(new ApiDriver(cluster));
        await driver.CustomerAsync("agency", "NL", "nl");
        var invoice = await driver.InvoiceAsync("o-agency", "agency", 10_000m); // 12,100.00 due day 30, collection on day 80
        await driver.AdvanceToDayAsync(79);
        var before = await driver.Api.GetAsync("/v1/handovers?status=New");
        await driver.AdvanceToDayAsync(80);
        var handedOver = await driver.Api.GetAsync("/v1/handovers?status=New");
        await driver.AdvanceToDayAsync(90);
        await driver.PayAsync("a-after", invoice, 5000m, 90);
        var afterPayment = await driver.Api.GetAsync("/v1/handovers?status=New");
        var csv = await driver.Api.Http.GetStringAsync("/v1/handovers?status=New&format=csv");
        using var accept = new HttpRequestMessage(HttpMethod.Get, "/v1/handovers");
        accept.Headers.Accept.ParseAdd("text/csv");
        using var byAccept = await driver.Api.Http.SendAsync(accept);
        var handoverId = handedOver["items"]![0]!["handoverId"]!.GetValue<string>();
        var (ackStatus, acknowledged) = await driver.Api.PostAsync($"/v1/handovers/{handoverId}/acknowledge");
        var (unknownAck, _) = await driver.Api.PostAsync("/v1/handovers/nope/acknowledge");
        var (badStatus, _) = await driver.Api.SendAsync(HttpMethod.Get, "/v1/handovers?status=Old");

        Assert.Equal(0, before["total"]!.GetValue<int>());
        var handover = handedOver["items"]!.AsArray().Single()!;
        Assert.Equal("New", handover["status"]!.GetValue<string>());
        Assert.Equal("Customer agency", handover["customerName"]!.GetValue<string>());
        // 50 days at 10.15% on 12,100.00 (see LatePaymentInterestFlowTests): 168.24, and EUR 40.
        Assert.Equal((12_100m, 168.24m, 40m, 12_308.24m), (
            handover["principal"]!.GetValue<decimal>(), handover["interest"]!.GetValue<decimal>(),
            handover["compensation"]!.GetValue<decimal>(), handover["totalClaimed"]!.GetValue<decimal>()));
        Assert.Equal(invoice, handover["invoices"]![0]!["invoiceId"]!.GetValue<string>());
        Assert.Equal(["Reminder", "SecondReminder", "FinalNotice", "Collection"],
            handover["messages"]!.AsArray().Select(m => m!["stage"]!.GetValue<string>()).ToList());
        Assert.Contains(handover["timeline"]!.AsArray(), t => t!["kind"]!.GetValue<string>() == "HandedOverToCollection");
        var paid = afterPayment["items"]![0]!;
        Assert.Equal(5000m, paid["paidAfterHandover"]!.GetValue<decimal>());
        Assert.Equal(7308.24m, paid["stillClaimed"]!.GetValue<decimal>());
        Assert.Equal(5000m, paid["paymentsAfterHandover"]![0]!["amount"]!.GetValue<decimal>());
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("handoverId,caseId,customerId,customerName,country,status,handedOverAt,currency,invoiceId,", lines[0], StringComparison.Ordinal);
        Assert.Contains($",{invoice},2026-02-04,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",12100.00,168.24,40.00,12308.24,5000.00,", lines[1], StringComparison.Ordinal);
        Assert.Contains("2026-03-26 Collection Email", lines[1], StringComparison.Ordinal);
        Assert.Equal("text/csv", byAccept.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, ackStatus);
        Assert.Equal("Acknowledged", acknowledged!["status"]!.GetValue<string>());
        Assert.Equal(0, (await driver.Api.GetAsync("/v1/handovers?status=New"))["total"]!.GetValue<int>());
        Assert.Equal(1, (await driver.Api.GetAsync("/v1/handovers?status=Acknowledged"))["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, unknownAck);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
    }
}
