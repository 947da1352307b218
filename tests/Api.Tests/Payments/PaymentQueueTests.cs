using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using O2C.Api.Tests.BankStatements;
using O2C.Tests.Support;

namespace O2C.Api.Tests.Payments;

/// <summary>
/// The one payment queue of issue 16 over HTTP: JSON payments and statement payments left unapplied, listed in one shape,
/// allocated by hand or marked for a refund; an overpayment treated alike on both paths.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class PaymentQueueTests(PostgresFixture postgres)
{
    private static readonly string ReceivedAt = TestCluster.Epoch.AddDays(40).ToString("O");

    [Fact]
    public async Task Unmatched_json_and_statement_payments_wait_in_one_queue_and_a_collector_allocates_either_learning_the_payer()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("q-one", "en", creditScore: 50);
        var (customerStatus, customer) = await api.PutAsync("/v1/customers/q-usd", new { name = "Q Dollars", language = "en", currency = "USD", creditLimit = 100_000m });
        Assert.True(customerStatus == HttpStatusCode.OK, $"USD customer: {customer}");
        await api.OrderAsync("Q-100001", "q-one", 100m); // INV-Q-100001, 121.00
        await api.OrderAsync("Q-100002", "q-one", 200m); // INV-Q-100002, 242.00
        var (usdStatus, usd) = await api.PostAsync("/v1/orders", InUsd(ApiDriver.Order("Q-100009", "q-usd", 100m)));
        Assert.True(usdStatus == HttpStatusCode.Created, $"USD order: {usd}");

        // A JSON payment naming an invoice that does not exist, and a stranger's transfer on a statement, both of 121.00.
        var (jsonStatus, json) = await api.PostAsync("/v1/payments", new { paymentId = "q-json", amount = 121m, currency = "EUR", receivedAt = ReceivedAt, invoiceId = "INV-NOPE", payerName = "Q One Ltd" });
        var (_, import) = await StatementXml.PostAsync(cluster.Client, StatementXml.Statement("Q-1",
            StatementXml.Credit("BANK-Q-1", 121m, "thanks", "Q One Ltd", "NL20INGB0009999999")));
        var statementId = import!["entryResults"]![0]!["paymentId"]!.GetValue<string>();
        var queue = await api.GetAsync("/v1/payments?status=Unmatched");

        Assert.Equal(HttpStatusCode.Created, jsonStatus);
        Assert.Equal("Unmatched", json!["status"]!.GetValue<string>());
        Assert.Equal(2, queue["total"]!.GetValue<long>());
        var items = queue["items"]!.AsArray();
        var jsonItem = Assert.Single(items, i => i!["paymentId"]!.GetValue<string>() == "q-json")!;
        var statementItem = Assert.Single(items, i => i!["paymentId"]!.GetValue<string>() == statementId)!;
        foreach (var item in new[] { jsonItem, statementItem })
        {
            // One shape: the same fields, candidates with their reasons, and why the payment waits.
            Assert.Equal(121m, item["unallocated"]!.GetValue<decimal>());
            var candidate = Assert.Single(item["candidates"]!.AsArray())!;
            Assert.Equal("INV-Q-100001", candidate["invoiceId"]!.GetValue<string>());
            Assert.Equal("q-one", candidate["debtorId"]!.GetValue<string>());
            Assert.Contains("open amount equals the payment", candidate["reason"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.StartsWith("Unmatched:", item["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal("api", jsonItem["source"]!.GetValue<string>());
        Assert.Contains("invoice INV-NOPE is not open", jsonItem["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("statement", statementItem["source"]!.GetValue<string>());

        // Refused, each naming its field: more than the payment, an unknown invoice, another currency, more than the invoice owes.
        var tooMuch = await AllocateAsync(api, "q-json", ("INV-Q-100001", 121m), ("INV-Q-100002", 1m));
        var unknown = await AllocateAsync(api, "q-json", ("INV-Q-404", 1m));
        var dollars = await AllocateAsync(api, "q-json", ("INV-Q-100009", 1m));
        var overInvoice = await AllocateAsync(api, statementId, ("INV-Q-100001", 121.01m));
        var nobody = await AllocateAsync(api, "q-nobody", ("INV-Q-100001", 1m));
        AssertProblem(tooMuch, HttpStatusCode.BadRequest, "invoices");
        AssertProblem(unknown, HttpStatusCode.BadRequest, "invoices[0].invoiceId");
        AssertProblem(dollars, HttpStatusCode.BadRequest, "invoices[0].invoiceId");
        AssertProblem(overInvoice, HttpStatusCode.BadRequest, "invoices[0].amount");
        Assert.Equal(HttpStatusCode.NotFound, nobody.Status);
        Assert.Equal("paymentId", nobody.Body!["field"]!.GetValue<string>());

        var (jsonAllocated, jsonResult) = await AllocateAsync(api, "q-json", ("INV-Q-100001", 121m));
        var (statementAllocated, statementResult) = await AllocateAsync(api, statementId, ("INV-Q-100002", 121m));
        var again = await AllocateAsync(api, "q-json", ("INV-Q-100002", 1m));

        Assert.True(jsonAllocated == HttpStatusCode.OK, $"allocate q-json: {jsonResult}");
        Assert.Equal("Matched", jsonResult!["status"]!.GetValue<string>());
        Assert.Equal("Manual", jsonResult["matchedBy"]!.GetValue<string>());
        Assert.True(statementAllocated == HttpStatusCode.OK, $"allocate {statementId}: {statementResult}");
        Assert.Equal("Matched", statementResult!["status"]!.GetValue<string>());
        Assert.Equal(121m, statementResult["allocations"]![0]!["amount"]!.GetValue<decimal>());
        AssertProblem(again, HttpStatusCode.Conflict, "paymentId");
        Assert.Equal("Paid", (await api.GetAsync("/v1/invoices/INV-Q-100001"))["status"]!.GetValue<string>());
        Assert.Equal(121m, (await api.GetAsync("/v1/invoices/INV-Q-100002"))["outstanding"]!.GetValue<decimal>());
        Assert.Equal(0, (await api.GetAsync("/v1/payments?status=Unmatched"))["total"]!.GetValue<long>());
        Assert.Equal(
            [("q-one", "", "Q One Ltd"), ("q-one", "NL20INGB0009999999", "Q One Ltd")],
            await PayersAsync(cluster));
    }

    [Fact]
    public async Task An_overpayment_pays_only_the_named_invoice_on_both_paths_and_its_surplus_is_allocated_or_refunded()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("q-over", "en", creditScore: 50);
        await api.OrderAsync("O-200001", "q-over", 100m); // 121.00, the oldest
        await api.OrderAsync("O-200002", "q-over", 100m); // 121.00
        await api.OrderAsync("O-200003", "q-over", 100m); // 121.00
        var reference = (await api.GetAsync("/v1/invoices/INV-O-200002"))["paymentReference"]!.GetValue<string>();

        // JSON: the payer names INV-O-200002 and its customer and pays 200. Before issue 16 the 79.00 spilled onto INV-O-200001.
        var (_, json) = await api.PostAsync("/v1/payments", new { paymentId = "q-over-json", amount = 200m, currency = "EUR", receivedAt = ReceivedAt, reference, customerId = "q-over" });
        // Statement: a transfer naming INV-O-200003 pays 150.
        var (_, import) = await StatementXml.PostAsync(cluster.Client, StatementXml.Statement("OVER-1",
            StatementXml.Credit("BANK-OVER-1", 150m, "Invoice INV-O-200003", "Over BV", "NL20INGB0001111111")));
        var statementId = import!["entryResults"]![0]!["paymentId"]!.GetValue<string>();
        var overpaid = await api.GetAsync("/v1/payments?status=Overpaid");

        Assert.Equal("Overpaid", json!["status"]!.GetValue<string>());
        Assert.Equal([("INV-O-200002", 121m)], Allocations(json));
        Assert.Equal(79m, json["unallocated"]!.GetValue<decimal>());
        Assert.Equal(121m, (await api.GetAsync("/v1/invoices/INV-O-200001"))["outstanding"]!.GetValue<decimal>());
        Assert.Equal("PartiallyMatched", import["entryResults"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(2, overpaid["total"]!.GetValue<long>());
        var statementItem = Assert.Single(overpaid["items"]!.AsArray(), i => i!["paymentId"]!.GetValue<string>() == statementId)!;
        Assert.Equal(29m, statementItem["unallocated"]!.GetValue<decimal>());
        Assert.StartsWith("Overpaid:", statementItem["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        var jsonItem = Assert.Single(overpaid["items"]!.AsArray(), i => i!["paymentId"]!.GetValue<string>() == "q-over-json")!;
        // The surplus is proposed (never applied) to the customer's other open invoices, oldest first.
        Assert.Equal(["INV-O-200001", "INV-O-200003"], jsonItem["candidates"]!.AsArray().Select(c => c!["invoiceId"]!.GetValue<string>()));
        Assert.Equal(79m, jsonItem["candidates"]![0]!["proposedAmount"]!.GetValue<decimal>());

        // The collector applies the JSON surplus to the oldest invoice, and asks for the statement one's 29.00 back.
        var (allocated, allocation) = await AllocateAsync(api, "q-over-json", ("INV-O-200001", 79m));
        var (refunded, refund) = await api.PostAsync($"/v1/payments/{statementId}/refund-request", new { reason = "Paid 29.00 too much; customer asked for it back" });
        var (refundedAgain, _) = await api.PostAsync($"/v1/payments/{statementId}/refund-request", new { reason = "Paid 29.00 too much; customer asked for it back" });
        var (otherReason, _) = await api.PostAsync($"/v1/payments/{statementId}/refund-request", new { reason = "another" });
        var allocateRefunded = await AllocateAsync(api, statementId, ("INV-O-200001", 1m));
        var refundApplied = await api.PostAsync("/v1/payments/q-over-json/refund-request", new { reason = "nothing left" });
        var noReason = await api.PostAsync($"/v1/payments/{statementId}/refund-request", new { reason = "" });

        Assert.True(allocated == HttpStatusCode.OK, $"allocate: {allocation}");
        Assert.Equal("Matched", allocation!["status"]!.GetValue<string>());
        Assert.Equal("Reference+Manual", allocation["matchedBy"]!.GetValue<string>());
        Assert.Equal([("INV-O-200001", 79m), ("INV-O-200002", 121m)], Allocations(allocation).Order());
        Assert.Equal(42m, (await api.GetAsync("/v1/invoices/INV-O-200001"))["outstanding"]!.GetValue<decimal>());
        Assert.True(refunded == HttpStatusCode.OK, $"refund: {refund}");
        Assert.Equal("RefundRequested", refund!["status"]!.GetValue<string>());
        Assert.Equal("Paid 29.00 too much; customer asked for it back", refund["refund"]!["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, refundedAgain);
        Assert.Equal(HttpStatusCode.Conflict, otherReason);
        AssertProblem(allocateRefunded, HttpStatusCode.Conflict, "paymentId");
        AssertProblem(refundApplied, HttpStatusCode.Conflict, "paymentId");
        AssertProblem(noReason, HttpStatusCode.BadRequest, "reason");
        Assert.Equal([statementId], (await api.GetAsync("/v1/payments?status=RefundRequested"))["items"]!.AsArray().Select(i => i!["paymentId"]!.GetValue<string>()));
        Assert.Equal(0, (await api.GetAsync("/v1/payments?status=Overpaid"))["total"]!.GetValue<long>());
        await using var events = cluster.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("SELECT count(*) FROM grain_events WHERE grain_type = 'payment' AND grain_key = $1 AND kind = 'RefundRequested'");
        events.Parameters.AddWithValue(statementId);
        Assert.Equal(1L, await events.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_payment_for_nobody_is_marked_for_a_refund_and_leaves_the_queue()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.PostAsync("/v1/payments", new { paymentId = "q-nobody", amount = 55.5m, currency = "EUR", receivedAt = ReceivedAt, payerName = "Unknown Person" });

        var (status, refund) = await api.PostAsync("/v1/payments/q-nobody/refund-request", new { reason = "not our customer" });
        var unknown = await api.PostAsync("/v1/payments/q-missing/refund-request", new { reason = "?" });

        Assert.True(status == HttpStatusCode.OK, $"refund: {refund}");
        Assert.Equal("RefundRequested", refund!["status"]!.GetValue<string>());
        Assert.Equal(55.5m, refund["unallocated"]!.GetValue<decimal>());
        Assert.Equal(0, (await api.GetAsync("/v1/payments?status=Unmatched"))["total"]!.GetValue<long>());
        Assert.Equal(1, (await api.GetAsync("/v1/payments?status=RefundRequested"))["total"]!.GetValue<long>());
        AssertProblem(unknown, HttpStatusCode.NotFound, "paymentId");
    }

    private static JsonNode InUsd(object order)
    {
        var node = JsonNode.Parse(ApiDriver.Json(order))!;
        node["currency"] = "USD";
        return node;
    }

    private static Task<(HttpStatusCode Status, JsonNode? Body)> AllocateAsync(ApiDriver api, string paymentId, params (string InvoiceId, decimal Amount)[] shares) =>
        api.PostAsync($"/v1/payments/{paymentId}/allocate", new { invoices = shares.Select(s => new { invoiceId = s.InvoiceId, amount = s.Amount }).ToArray() });

    private static void AssertProblem((HttpStatusCode Status, JsonNode? Body) response, HttpStatusCode status, string field)
    {
        Assert.True(response.Status == status, $"expected {(int)status}, got {(int)response.Status}: {response.Body}");
        var named = response.Body!["errors"] is JsonObject errors ? errors.Select(e => e.Key).ToList() : [response.Body["field"]!.GetValue<string>()];
        Assert.Contains(field, named);
    }

    private static List<(string InvoiceId, decimal Amount)> Allocations(JsonNode payment) =>
        [.. payment["allocations"]!.AsArray().Select(a => (a!["invoiceId"]!.GetValue<string>(), a["amount"]!.GetValue<decimal>()))];

    private static async Task<List<(string Customer, string Iban, string Name)>> PayersAsync(TestCluster cluster)
    {
        await using var command = cluster.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT customer_id, iban, name FROM payer_accounts ORDER BY 1, 2, 3");
        await using var reader = await command.ExecuteReaderAsync();
        var payers = new List<(string, string, string)>();
        while (await reader.ReadAsync())
        {
            payers.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return payers;
    }
}
