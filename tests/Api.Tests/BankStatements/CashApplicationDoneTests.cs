using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using O2C.Tests.Support;

namespace O2C.Api.Tests.BankStatements;

/// <summary>Issue 16's "done when", over HTTP: one statement with every kind of entry, imported twice, cases closing at once.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class CashApplicationDoneTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_mixed_statement_imports_once_matches_or_queues_each_entry_and_the_paid_cases_close_at_once()
    {
        var database = await postgres.CreateDatabaseAsync();
        string refCase;
        string partCase;
        await using (var cluster = TestCluster.StartOn(database))
        {
            var api = new ApiDriver(cluster);
            foreach (var customer in new[] { "dw-ref", "dw-typo", "dw-three", "dw-part" })
            {
                await api.CustomerAsync(customer, "en", creditScore: 50);
            }

            await api.OrderAsync("DW-1001", "dw-ref", 500m);   // 605.00, paid by its RF reference
            await api.OrderAsync("DW-4001", "dw-typo", 500m);  // 605.00, named with two digits swapped
            await api.OrderAsync("DW-3001", "dw-three", 100m); // 121.00 |
            await api.OrderAsync("DW-3002", "dw-three", 200m); // 242.00 | one transfer of 726.00 names all three
            await api.OrderAsync("DW-3003", "dw-three", 300m); // 363.00 |
            await api.OrderAsync("DW-2001", "dw-part", 500m);  // 605.00, of which 300.00 is paid
            await api.AdvanceToDayAsync(40); // all overdue: a case each, with its reminder queued (no channel delivers here)
            var refReference = await ReferenceAsync(api, "INV-DW-1001");
            var partReference = await ReferenceAsync(api, "INV-DW-2001");
            refCase = await OpenCaseAsync(api, "dw-ref");
            partCase = await OpenCaseAsync(api, "dw-part");
            var xml = StatementXml.Statement("DONE-1", string.Concat(
                StatementXml.Credit("DW-E1", 605m, refReference, "Ref BV", "NL20INGB0005000001"),
                StatementXml.Credit("DW-E2", 605m, "Factuur INV-DW-4010", "Typo BV", "NL20INGB0005000002"),
                StatementXml.Credit("DW-E3", 726m, "INV-DW-3001 INV-DW-3002 INV-DW-3003", "Three BV", "NL20INGB0005000003"),
                StatementXml.Credit("DW-E4", 300m, partReference, "Part BV", "NL20INGB0005000004"),
                StatementXml.Credit("DW-E5", 77.77m, "gift", "A Stranger", "DE89370400440532013000"),
                StatementXml.Credit("DW-E6", 50m, "bank charges", "Our Bank", "NL91ABNA0417164300", direction: "DBIT")));

            var (status, first) = await StatementXml.PostAsync(cluster.Client, xml);

            Assert.True(status == HttpStatusCode.Created, $"import gave {(int)status}: {first}");
            Assert.Equal((6, 5, 1, 4, 0, 1, 1), (Count(first!, "entries"), Count(first!, "credits"), Count(first!, "debits"), Count(first!, "matched"),
                Count(first!, "partlyMatched"), Count(first!, "unmatched"), Count(first!, "ignored")));
            Assert.Equal(("Matched", "VerifiedReference", "INV-DW-1001"), Entry(first!, "DW-E1"));
            Assert.Equal(("Matched", "InvoiceNumberWithTypo", "INV-DW-4001"), Entry(first!, "DW-E2"));
            Assert.Equal(("Matched", "InvoiceNumberInText", "INV-DW-3001 INV-DW-3002 INV-DW-3003"), Entry(first!, "DW-E3"));
            Assert.Equal(("Matched", "VerifiedReference", "INV-DW-2001"), Entry(first!, "DW-E4"));
            Assert.Equal("Unmatched", Entry(first!, "DW-E5").Status);
            Assert.Equal("Ignored", Entry(first!, "DW-E6").Status);

            // The cases of the paid invoices closed with the import's answer; the part-paid one stays open with 305.00 owed.
            foreach (var customer in new[] { "dw-ref", "dw-typo", "dw-three" })
            {
                Assert.Equal("Closed", (await api.GetAsync($"/v1/cases?customerId={customer}"))["items"]![0]!["status"]!.GetValue<string>());
            }

            Assert.Equal("Open", (await api.GetAsync($"/v1/cases/{partCase}"))["status"]!.GetValue<string>());
            Assert.Equal(305m, (await api.GetAsync("/v1/invoices/INV-DW-2001"))["outstanding"]!.GetValue<decimal>());
            var stranger = (await api.GetAsync("/v1/payments?status=Unmatched"))["items"]!.AsArray();
            Assert.Equal(77.77m, Assert.Single(stranger)!["amount"]!.GetValue<decimal>());

            // A second import changes nothing and says so.
            var payments = (await api.GetAsync("/v1/payments?pageSize=100")).ToJsonString();
            var (againStatus, again) = await StatementXml.PostAsync(cluster.Client, xml);
            Assert.Equal(HttpStatusCode.OK, againStatus);
            Assert.True(again!["duplicate"]!.GetValue<bool>());
            Assert.Equal(6, Count(again, "duplicateEntries"));
            Assert.Equal(payments, (await api.GetAsync("/v1/payments?pageSize=100")).ToJsonString());
            Assert.Equal(305m, (await api.GetAsync("/v1/invoices/INV-DW-2001"))["outstanding"]!.GetValue<decimal>());
        }

        // The reminders queued before the import: once a channel delivers, those of the closed case are cancelled, never
        // sent (the SMTP port is closed, so a message that was tried would show an attempt); the open case's are not.
        await using var delivering = TestCluster.StartOn(database, new Dictionary<string, string?>
        {
            ["O2C:Delivery:PollInterval"] = "00:00:00.05",
            ["O2C:Delivery:Smtp:Host"] = "127.0.0.1",
            ["O2C:Delivery:Smtp:Port"] = ClosedPort().ToString(CultureInfo.InvariantCulture),
            ["O2C:Delivery:Smtp:From"] = "o2c@example.com",
        });
        var driver = new ApiDriver(delivering);
        var cancelled = await Eventually.Until(
            () => MessagesAsync(driver, refCase),
            m => m.Count > 0 && m.All(x => x.Status == "Cancelled"),
            $"the queued messages of closed case {refCase} cancelled");
        Assert.All(cancelled, m => Assert.Equal(0, m.Attempts));
        var open = await Eventually.Until(() => MessagesAsync(driver, partCase), m => m.Any(x => x.Attempts > 0), $"a delivery attempt for open case {partCase}");
        Assert.DoesNotContain(open, m => m.Status == "Cancelled");
    }

    private static int Count(JsonNode summary, string field) => summary[field]!.GetValue<int>();

    private static (string Status, string? Rule, string Invoices) Entry(JsonNode summary, string bankReference)
    {
        var entry = summary["entryResults"]!.AsArray().Single(r => r!["entryKey"]!.GetValue<string>().EndsWith("/" + bankReference, StringComparison.Ordinal))!;
        return (entry["status"]!.GetValue<string>(), entry["rule"]?.GetValue<string>(),
            string.Join(' ', entry["allocations"]!.AsArray().Select(a => a!["invoiceId"]!.GetValue<string>()).Order(StringComparer.Ordinal)));
    }

    private static async Task<string> ReferenceAsync(ApiDriver api, string invoiceId) =>
        (await api.GetAsync($"/v1/invoices/{invoiceId}"))["paymentReference"]!.GetValue<string>();

    private static async Task<string> OpenCaseAsync(ApiDriver api, string customerId) =>
        (await api.GetAsync($"/v1/customers/{customerId}"))["openCaseId"]!.GetValue<string>();

    private static async Task<List<(string Status, int Attempts)>> MessagesAsync(ApiDriver api, string caseId) =>
        [.. (await api.GetAsync($"/v1/messages?caseId={caseId}"))["items"]!.AsArray()
            .Select(m => (m!["status"]!.GetValue<string>(), m["attempts"]!.GetValue<int>()))];

    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
