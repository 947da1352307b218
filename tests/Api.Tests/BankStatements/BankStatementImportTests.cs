using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using O2C.Tests.Support;
using Xunit.Abstractions;

namespace O2C.Api.Tests.BankStatements;

/// <summary>camt.053 imports (issue 16) over HTTP, on the real pipeline, grains and PostgreSQL, against invoices each test creates.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class BankStatementImportTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task A_real_banks_statement_pays_by_reference_and_by_a_mistyped_number_keeps_the_debit_and_imports_once()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("bs-ref", "en", creditScore: 50);
        await api.CustomerAsync("bs-typo", "en", creditScore: 50);
        await api.OrderAsync("R-100231", "bs-ref", 500m);   // INV-R-100231, 605.00
        await api.OrderAsync("T-482913", "bs-typo", 1000m); // INV-T-482913, 1,210.00
        await api.AdvanceToDayAsync(40); // both overdue, each customer's case open
        var reference = (await api.GetAsync("/v1/invoices/INV-R-100231"))["paymentReference"]!.GetValue<string>();

        // UBS's sample as it is, but in euros, on our invoices: the RF entry pays INV-R-100231, the free-text one names
        // INV-T-482913 with two digits swapped, the third is a debit.
        var xml = StatementXml.Sample("valid_example_v8.xml")
            .Replace("CHF", "EUR", StringComparison.Ordinal)
            .Replace("2023-06-20", "2026-02-14", StringComparison.Ordinal)
            .Replace("RF38000000000000000000552", reference, StringComparison.Ordinal)
            .Replace(">88.85<", ">605.00<", StringComparison.Ordinal)
            .Replace(">474.4<", ">1210.00<", StringComparison.Ordinal)
            .Replace("INVOICE R77561", "INVOICE INV-T-482931", StringComparison.Ordinal);

        var (status, first) = await StatementXml.PostAsync(cluster.Client, xml, "text/xml");
        var (againStatus, again) = await StatementXml.PostAsync(cluster.Client, xml);

        Assert.True(status == HttpStatusCode.Created, $"import gave {(int)status}: {first}");
        Assert.Equal(1, first!["statements"]!.GetValue<int>());
        Assert.Equal(3, first["entries"]!.GetValue<int>());
        Assert.Equal(2, first["credits"]!.GetValue<int>());
        Assert.Equal(1, first["debits"]!.GetValue<int>());
        Assert.Equal(2, first["matched"]!.GetValue<int>());
        Assert.Equal(0, first["unmatched"]!.GetValue<int>());
        Assert.Equal(1, first["ignored"]!.GetValue<int>());
        var results = first["entryResults"]!.AsArray();
        var typo = ByRule(results, "InvoiceNumberWithTypo");
        Assert.Equal(80, typo["confidence"]!.GetValue<int>());
        Assert.Equal("INV-T-482913", typo["allocations"]![0]!["invoiceId"]!.GetValue<string>());
        var byReference = ByRule(results, "VerifiedReference");
        Assert.Equal(100, byReference["confidence"]!.GetValue<int>());
        Assert.Equal("INV-R-100231", byReference["allocations"]![0]!["invoiceId"]!.GetValue<string>());
        Assert.Contains(results, r => r!["status"]!.GetValue<string>() == "Ignored" && r["direction"]!.GetValue<string>() == "Debit");

        foreach (var (customer, invoice) in new[] { ("bs-ref", "INV-R-100231"), ("bs-typo", "INV-T-482913") })
        {
            Assert.Equal("Paid", (await api.GetAsync($"/v1/invoices/{invoice}"))["status"]!.GetValue<string>());
            Assert.Equal("Closed", (await api.GetAsync($"/v1/cases?customerId={customer}"))["items"]![0]!["status"]!.GetValue<string>());
        }

        Assert.True(againStatus == HttpStatusCode.OK, $"re-import gave {(int)againStatus}: {again}");
        Assert.True(again!["duplicate"]!.GetValue<bool>());
        Assert.Equal(3, again["duplicateEntries"]!.GetValue<int>());
        Assert.All(again["entryResults"]!.AsArray(), r => Assert.True(r!["duplicate"]!.GetValue<bool>(), $"not a duplicate: {r}"));
        Assert.Equal(2, again["matched"]!.GetValue<int>());
        Assert.Equal(2, (await api.GetAsync("/v1/payments"))["total"]!.GetValue<long>());
        Assert.Equal(0m, (await api.GetAsync("/v1/invoices/INV-T-482913"))["outstanding"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task An_ambiguous_number_is_queued_with_its_candidates_a_collector_allocates_it_and_the_payer_is_known_next_time()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("bs-amb", "en", creditScore: 50);
        await api.OrderAsync("A-700101", "bs-amb", 500m);
        await api.OrderAsync("A-700102", "bs-amb", 500m);
        const string iban = "NL20INGB0001234567";

        var (status, import) = await StatementXml.PostAsync(cluster.Client, StatementXml.Statement("AMB-1",
            StatementXml.Credit("BANK-AMB-1", 605m, "Factuur INV-A-700103", "Bakkerij de Vries BV", iban)));
        var queued = import!["entryResults"]![0]!;
        var paymentId = queued["paymentId"]!.GetValue<string>();
        var unmatched = await api.GetAsync("/v1/payments?status=Unmatched");
        var (allocated, allocation) = await api.PostAsync($"/v1/payments/{paymentId}/allocate", new { invoices = new[] { new { invoiceId = "INV-A-700101", amount = 605m } } });
        var (allocatedAgain, _) = await api.PostAsync($"/v1/payments/{paymentId}/allocate", new { invoices = new[] { new { invoiceId = "INV-A-700102", amount = 605m } } });
        var (unknown, _) = await api.PostAsync("/v1/payments/bank-nope/allocate", new { invoices = new[] { new { invoiceId = "INV-A-700102", amount = 1m } } });
        var unmatchedAfter = await api.GetAsync("/v1/payments?status=Unmatched");
        var (_, reimport) = await StatementXml.PostAsync(cluster.Client, StatementXml.Statement("AMB-1",
            StatementXml.Credit("BANK-AMB-1", 605m, "Factuur INV-A-700103", "Bakkerij de Vries BV", iban)));

        // Learnt: the next transfer from that account, with no invoice number at all, pays the invoice of exactly its amount.
        var (_, next) = await StatementXml.PostAsync(cluster.Client, StatementXml.Statement("AMB-2",
            StatementXml.Credit("BANK-AMB-2", 605m, "Bedankt", "Bakkerij de Vries BV", iban), sequence: "2"));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Unmatched", queued["status"]!.GetValue<string>());
        Assert.Equal("InvoiceNumberWithTypo", queued["rule"]!.GetValue<string>());
        Assert.Equal(50, queued["confidence"]!.GetValue<int>());
        Assert.Empty(queued["allocations"]!.AsArray());
        Assert.Equal(["INV-A-700101", "INV-A-700102"], queued["candidates"]!.AsArray().Select(c => c!["invoiceId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(1, unmatched["total"]!.GetValue<long>());
        Assert.Equal(paymentId, unmatched["items"]![0]!["paymentId"]!.GetValue<string>());
        Assert.Equal("statement", unmatched["items"]![0]!["source"]!.GetValue<string>());
        Assert.Equal(iban, unmatched["items"]![0]!["payerIban"]!.GetValue<string>());
        Assert.Equal(2, unmatched["items"]![0]!["candidates"]!.AsArray().Count);
        Assert.StartsWith("Queued:", unmatched["items"]![0]!["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(allocated == HttpStatusCode.OK, $"allocate gave {(int)allocated}: {allocation}");
        Assert.Equal("Matched", allocation!["status"]!.GetValue<string>());
        Assert.Equal("Manual", allocation["matchedBy"]!.GetValue<string>());
        Assert.Empty(allocation["candidates"]!.AsArray());
        var reimported = reimport!["entryResults"]![0]!;
        Assert.True(reimported["duplicate"]!.GetValue<bool>() && reimported["status"]!.GetValue<string>() == "Matched", $"re-import after the allocation: {reimported}");
        Assert.Equal(HttpStatusCode.Conflict, allocatedAgain);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(0, unmatchedAfter["total"]!.GetValue<long>());
        Assert.Equal("Paid", (await api.GetAsync("/v1/invoices/INV-A-700101"))["status"]!.GetValue<string>());
        var learnt = next!["entryResults"]![0]!;
        Assert.True(learnt["status"]!.GetValue<string>() == "Matched", $"second statement: {learnt}");
        Assert.Equal("KnownPayerAndAmount", learnt["rule"]!.GetValue<string>());
        Assert.Equal("INV-A-700102", learnt["allocations"]![0]!["invoiceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_document_that_is_no_camt053_or_breaks_off_is_refused_and_books_nothing()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("bs-cut", "en", creditScore: 50);
        await api.OrderAsync("C-300001", "bs-cut", 500m);
        var reference = (await api.GetAsync("/v1/invoices/INV-C-300001"))["paymentReference"]!.GetValue<string>();
        var whole = StatementXml.Statement("CUT-1", string.Concat(
            StatementXml.Credit("BANK-CUT-1", 605m, reference, "Cut BV", "NL20INGB0001234567"),
            StatementXml.Credit("BANK-CUT-2", 10m, "something else", "Other BV", "NL20INGB0007654321")));
        var truncated = whole[..whole.IndexOf("BANK-CUT-2", StringComparison.Ordinal)];

        var (cutStatus, cut) = await StatementXml.PostAsync(cluster.Client, truncated);
        var (painStatus, pain) = await StatementXml.PostAsync(cluster.Client,
            """<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>""");
        var (jsonStatus, _) = await StatementXml.PostAsync(cluster.Client, "{}", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, cutStatus);
        Assert.Equal("MalformedXml", cut!["problem"]!.GetValue<string>());
        Assert.True(cut["line"]!.GetValue<int>() > 0, $"no line: {cut}");
        Assert.Equal(HttpStatusCode.BadRequest, painStatus);
        Assert.Equal("NotCamt053", pain!["problem"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, jsonStatus);
        Assert.Equal(605m, (await api.GetAsync("/v1/invoices/INV-C-300001"))["outstanding"]!.GetValue<decimal>());
        Assert.Equal(0, (await api.GetAsync("/v1/payments"))["total"]!.GetValue<long>());
        await using var count = cluster.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("SELECT (SELECT count(*) FROM bank_entries) + (SELECT count(*) FROM bank_statements) + (SELECT count(*) FROM payer_accounts)");
        Assert.Equal(0L, await count.ExecuteScalarAsync());

        // One entry a bank wrote badly does not sink the file: it is reported with its line, and recorded like any other.
        var (oddStatus, odd) = await StatementXml.PostAsync(cluster.Client, StatementXml.Statement("ODD-1",
            StatementXml.Credit("BANK-ODD-1", 605m, "amount with a decimal comma", "Odd BV", "NL20INGB0001234567")).Replace(">605.00<", ">605,00<", StringComparison.Ordinal));
        var (_, oddAgain) = await StatementXml.PostAsync(cluster.Client, StatementXml.Statement("ODD-1",
            StatementXml.Credit("BANK-ODD-1", 605m, "amount with a decimal comma", "Odd BV", "NL20INGB0001234567")).Replace(">605.00<", ">605,00<", StringComparison.Ordinal));
        Assert.True(oddStatus == HttpStatusCode.Created, $"import gave {(int)oddStatus}: {odd}");
        Assert.Equal(1, odd!["unreadable"]!.GetValue<int>());
        Assert.Equal("Unreadable", odd["entryResults"]![0]!["status"]!.GetValue<string>());
        Assert.Contains("line", odd["entryResults"]![0]!["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(oddAgain!["entryResults"]![0]!["duplicate"]!.GetValue<bool>(), $"re-import: {oddAgain}");
    }

    [Fact]
    public async Task A_statement_of_twenty_thousand_entries_imports_in_one_request()
    {
        const int entries = 20_000;
        const int invoices = 200;
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("bs-bulk", "en", creditScore: 50, creditLimit: 10_000_000m);
        var (batchStatus, batch) = await api.PostAsync("/v1/orders/batch", new
        {
            orders = Enumerable.Range(0, invoices).Select(i => ApiDriver.Order($"BULK-{i:0000}", "bs-bulk", 100m)).ToArray(),
        });
        Assert.True(batchStatus == HttpStatusCode.OK && batch!["invoiced"]!.GetValue<int>() == invoices, $"orders: {batch}");

        // The first 200 name an invoice (121.00 each); the rest are strangers' transfers with no number and other amounts.
        var body = new StringBuilder();
        for (var i = 0; i < entries; i++)
        {
            body.Append(i < invoices
                ? StatementXml.Credit($"BULK-{i:0000000}", 121m, $"Invoice INV-BULK-{i:0000}", "Bulk BV", "NL20INGB0001234567")
                : StatementXml.Credit($"BULK-{i:0000000}", 10m + (i % 97), "Overboeking eigen rekening", $"Stranger {i % 500}", $"DE{i % 89:00}500105170000{i:000000}"));
        }

        var xml = StatementXml.Statement("BULK-1", body.ToString());
        using var http = cluster.CreateClient();
        http.Timeout = TimeSpan.FromMinutes(10);
        var watch = Stopwatch.StartNew();
        var (status, summary) = await StatementXml.PostAsync(http, xml);
        var elapsed = watch.Elapsed;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"camt.053 of {Encoding.UTF8.GetByteCount(xml) / 1_048_576.0:0.0} MB, {entries:N0} entries ({invoices} matched, {entries - invoices:N0} queued) imported in {elapsed.TotalSeconds:0.0} s ({entries / elapsed.TotalSeconds:N0} entries/s)."));
        Assert.True(status == HttpStatusCode.Created, $"import gave {(int)status}");
        Assert.Equal(entries, summary!["entries"]!.GetValue<int>());
        Assert.Equal(invoices, summary["matched"]!.GetValue<int>());
        Assert.Equal(entries - invoices, summary["unmatched"]!.GetValue<int>());
        Assert.Equal(0m, (await api.GetAsync("/v1/invoices/INV-BULK-0199"))["outstanding"]!.GetValue<decimal>());
        Assert.Equal(entries - invoices, (await api.GetAsync("/v1/payments?status=Unmatched&pageSize=1"))["total"]!.GetValue<long>());
    }

    private static JsonNode ByRule(JsonArray results, string rule) =>
        Assert.Single(results, r => r!["rule"]?.GetValue<string>() == rule)!;
}
