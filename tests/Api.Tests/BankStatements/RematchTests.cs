using System.Net;
using System.Text.Json.Nodes;
using O2C.Tests.Support;

namespace O2C.Api.Tests.BankStatements;

/// <summary>
/// Queued statement payments are matched again when an invoice is issued (issue 16). The re-match runs on its own when
/// the invoice grain signals the issue, so the tests wait for its outcome (business time does not move meanwhile).
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class RematchTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_transfer_naming_an_invoice_not_yet_issued_is_applied_once_it_is_and_no_reminder_follows()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("rm-early", "en", creditScore: 50);
        await api.CustomerAsync("rm-other", "en", creditScore: 50);
        var (_, import) = await StatementXml.PostAsync(cluster.Client, StatementXml.Statement("RM-1", string.Concat(
            StatementXml.Credit("BANK-RM-1", 121m, "Prepayment invoice INV-RM-300001", "Early Bird BV", "NL20INGB0003000001"),
            StatementXml.Credit("BANK-RM-2", 99m, "Invoice INV-RM-399999", "Never BV", "NL20INGB0003000002"))));
        var early = PaymentOf(import!, "BANK-RM-1");
        var never = PaymentOf(import!, "BANK-RM-2");
        Assert.Equal(2, import!["unmatched"]!.GetValue<int>());

        await api.OrderAsync("RM-300001", "rm-early", 100m); // INV-RM-300001, 121.00
        await api.OrderAsync("RM-300002", "rm-other", 100m); // another debtor's invoice: concerns neither payment

        var matched = await Eventually.Until(() => api.GetAsync($"/v1/payments/{early}"), p => p["status"]!.GetValue<string>() == "Matched", $"payment {early} re-matched");
        Assert.Equal("InvoiceNumberInText", matched["matchedBy"]!.GetValue<string>());
        Assert.Equal("INV-RM-300001", matched["allocations"]![0]!["invoiceId"]!.GetValue<string>());
        Assert.Equal("Paid", (await api.GetAsync("/v1/invoices/INV-RM-300001"))["status"]!.GetValue<string>());
        Assert.Equal("Unmatched", (await api.GetAsync($"/v1/payments/{never}"))["status"]!.GetValue<string>());
        Assert.Equal(121m, (await api.GetAsync("/v1/invoices/INV-RM-300002"))["outstanding"]!.GetValue<decimal>());

        // The import's record says so too: a re-import answers with the match, as a duplicate.
        var (_, again) = await StatementXml.PostAsync(cluster.Client, StatementXml.Statement("RM-1", string.Concat(
            StatementXml.Credit("BANK-RM-1", 121m, "Prepayment invoice INV-RM-300001", "Early Bird BV", "NL20INGB0003000001"),
            StatementXml.Credit("BANK-RM-2", 99m, "Invoice INV-RM-399999", "Never BV", "NL20INGB0003000002"))));
        Assert.Equal(1, again!["matched"]!.GetValue<int>());
        Assert.All(again["entryResults"]!.AsArray(), r => Assert.True(r!["duplicate"]!.GetValue<bool>(), $"{r}"));

        // Paid before it was due: the chase never starts for it, while the other debtor's invoice is chased.
        await api.AdvanceToDayAsync(40);
        Assert.Empty(await api.MessagesAsync("rm-early"));
        Assert.NotEmpty(await api.MessagesAsync("rm-other"));
    }

    [Fact]
    public async Task A_known_payers_transfer_with_nothing_open_waits_and_pays_the_next_invoice_of_its_amount()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("rm-known", "en", creditScore: 50);
        await api.OrderAsync("RK-400001", "rm-known", 100m);
        var reference = (await api.GetAsync("/v1/invoices/INV-RK-400001"))["paymentReference"]!.GetValue<string>();
        const string iban = "NL20INGB0004000001";

        // The first transfer pays by reference and teaches the IBAN; the second comes with nothing of the debtor's open.
        await StatementXml.PostAsync(cluster.Client, StatementXml.Statement("RK-1", StatementXml.Credit("BANK-RK-1", 121m, reference, "Known BV", iban)));
        var (_, second) = await StatementXml.PostAsync(cluster.Client, StatementXml.Statement("RK-2", StatementXml.Credit("BANK-RK-2", 242m, "monthly", "Known BV", iban), sequence: "2"));
        var waiting = PaymentOf(second!, "BANK-RK-2");
        Assert.Equal("Unmatched", second!["entryResults"]![0]!["status"]!.GetValue<string>());

        await api.OrderAsync("RK-400002", "rm-known", 200m); // 242.00: exactly the waiting transfer

        var matched = await Eventually.Until(() => api.GetAsync($"/v1/payments/{waiting}"), p => p["status"]!.GetValue<string>() == "Matched", $"payment {waiting} re-matched");
        Assert.Equal("KnownPayerAndAmount", matched["matchedBy"]!.GetValue<string>());
        Assert.Equal("Paid", (await api.GetAsync("/v1/invoices/INV-RK-400002"))["status"]!.GetValue<string>());
    }

    private static string PaymentOf(JsonNode import, string bankReference) =>
        import["entryResults"]!.AsArray().Single(r => r!["entryKey"]!.GetValue<string>().EndsWith(bankReference, StringComparison.Ordinal))!["paymentId"]!.GetValue<string>();
}
