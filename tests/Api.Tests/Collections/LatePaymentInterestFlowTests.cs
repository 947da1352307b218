using O2C.Tests.Support;

namespace O2C.Api.Tests.Collections;

/// <summary>
/// Late-payment interest and compensation on the invoice and in the messages, over 120 business days.
/// The figures are worked by hand: 12,100.00 (10,000 + 21% VAT) due on day 30 (2026-02-04), Low ladder
/// (reminder +7, second +21, final +35, collection +50); interest from day 31.
/// NL: 10.15% (ECB 2.15 + 8), actual/actual, 2026 has 365 days; DE: 10.27% (Basiszins 1.27 + 9), /365.
/// 35 days: NL 12,100 x 10.15% x 35 / 365 = 117.7678 = 117.77; DE 12,100 x 10.27% x 35 / 365 = 119.1601 = 119.16.
/// 7 days: NL 23.5536 = 23.55; DE 23.8320 = 23.83. 50 days: NL 168.2397 = 168.24; DE 170.2288 = 170.23.
/// 90 days: NL 302.8315 = 302.83; DE 306.4118 = 306.41. The compensation is EUR 40 in both.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class LatePaymentInterestFlowTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_Dutch_and_a_German_late_payer_show_interest_and_compensation_to_the_cent_at_each_step()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var driver = new CollectionsDriver(new ApiDriver(cluster));
        await driver.CustomerAsync("nl-late", "NL", "nl");
        await driver.CustomerAsync("de-late", "DE", "de");
        var nl = await driver.InvoiceAsync("o-nl-late", "nl-late", 10_000m);
        var de = await driver.InvoiceAsync("o-de-late", "de-late", 10_000m);

        await driver.AdvanceToDayAsync(37);
        var nlAtReminder = await driver.InterestAsync(nl);
        var deAtReminder = await driver.InterestAsync(de);
        await driver.AdvanceToDayAsync(65);
        var nlAtFinal = await driver.InterestAsync(nl);
        var deAtFinal = await driver.InterestAsync(de);
        await driver.AdvanceToDayAsync(80);
        var nlAtCollection = await driver.InterestAsync(nl);
        await driver.AdvanceToDayAsync(120);
        var nlAt120 = await driver.InterestAsync(nl);
        var deAt120 = await driver.InterestAsync(de);

        // Day 37, 7 days late: interest accrues but the reminder does not claim it yet.
        Assert.Equal(23.55m, nlAtReminder["interest"]!.GetValue<decimal>());
        Assert.Equal(23.83m, deAtReminder["interest"]!.GetValue<decimal>());
        Assert.False(nlAtReminder["claimed"]!.GetValue<bool>());
        Assert.Equal(12_100m, nlAtReminder["totalClaimable"]!.GetValue<decimal>());
        Assert.Equal("FinalNotice", nlAtReminder["claimedFromStage"]!.GetValue<string>());
        Assert.DoesNotContain("handelsrente", await driver.BodyAtAsync("nl-late", "Reminder"), StringComparison.Ordinal);
        Assert.DoesNotContain("Verzugszinsen", await driver.BodyAtAsync("de-late", "SecondReminder"), StringComparison.Ordinal);

        // Day 65, the final notice: 35 days of interest and the EUR 40 are claimed.
        Assert.Equal((117.77m, 40m, 12_257.77m, true), Figures(nlAtFinal));
        Assert.Equal((119.16m, 40m, 12_259.16m, true), Figures(deAtFinal));
        Assert.Equal("NL", nlAtFinal["country"]!.GetValue<string>());
        Assert.StartsWith("art. 6:119a BW", nlAtFinal["legalBasis"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("§288 Abs. 2 und 5 BGB", deAtFinal["legalBasis"]!.GetValue<string>());
        var nlFinal = await driver.BodyAtAsync("nl-late", "FinalNotice");
        Assert.Contains("Wettelijke handelsrente tot 11-03-2026 (art. 6:119a BW (wettelijke handelsrente)): € 117,77", nlFinal, StringComparison.Ordinal);
        Assert.Contains("Vaste vergoeding voor incassokosten: € 40,00", nlFinal, StringComparison.Ordinal);
        Assert.Contains("Totaal gevorderd: € 12.257,77", nlFinal, StringComparison.Ordinal);
        var deFinal = await driver.BodyAtAsync("de-late", "FinalNotice");
        Assert.Contains("Verzugszinsen bis 11.03.2026 (§288 Abs. 2 und 5 BGB): 119,16 €", deFinal, StringComparison.Ordinal);
        Assert.Contains("Verzugspauschale: 40,00 €", deFinal, StringComparison.Ordinal);
        Assert.Contains("Geforderter Gesamtbetrag: 12.259,16 €", deFinal, StringComparison.Ordinal);

        // Day 80, handed over: 50 days.
        Assert.Equal((168.24m, 40m, 12_308.24m, true), Figures(nlAtCollection));
        Assert.Contains("Totaal gevorderd: € 12.308,24", await driver.BodyAtAsync("nl-late", "Collection"), StringComparison.Ordinal);
        Assert.Contains("Geforderter Gesamtbetrag: 12.310,23 €", await driver.BodyAtAsync("de-late", "Collection"), StringComparison.Ordinal);

        // Day 120: 90 days, still accruing while the agency collects.
        Assert.Equal((302.83m, 40m, 12_442.83m, true), Figures(nlAt120));
        Assert.Equal((306.41m, 40m, 12_446.41m, true), Figures(deAt120));
    }

    private static (decimal Interest, decimal Compensation, decimal Total, bool Claimed) Figures(System.Text.Json.Nodes.JsonObject interest) => (
        interest["interest"]!.GetValue<decimal>(), interest["compensation"]!.GetValue<decimal>(),
        interest["totalClaimable"]!.GetValue<decimal>(), interest["claimed"]!.GetValue<bool>());
}
