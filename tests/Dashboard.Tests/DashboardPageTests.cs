using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using O2C.Dashboard.Tests.Support;
using static O2C.Dashboard.Tests.Support.DashboardPage;
using O2C.Tests.Support;
using Orleans.Configuration;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace O2C.Dashboard.Tests;

/// <summary>
/// Debian's Chromium, headless, opens <c>/dashboard</c> on a real Kestrel port while the test drives
/// orders, payments and the manual clock, and checks the panels against the database between refreshes.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class DashboardPageTests(PostgresFixture postgres, ITestOutputHelper output)
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Fact]
    public async Task The_page_shows_every_panel_with_the_right_figures_and_follows_the_traffic()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install -y chromium (.ci/run does it)");
        await using var silo = await KestrelSilo.StartAsync(postgres);
        var grains = silo.Grains;
        await Drive.Customer(grains, "low", "nl", "EUR", creditScore: 90);
        await Drive.Customer(grains, "medium", "en", "GBP", creditScore: 50);
        await Drive.Customer(grains, "high", "de", "EUR", creditScore: 10);
        await Drive.Order(grains, "low", "o-1", "EUR");
        var mediumInvoice = await Drive.Order(grains, "medium", "o-2", "GBP");
        await Drive.Order(grains, "high", "o-3", "EUR");
        await silo.AdvanceToDayAsync(16);
        var clusterId = silo.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId;
        // A silo of this cluster in Orleans' membership table that was last alive 20 minutes ago (status 6: Dead).
        await Drive.Execute(silo.Services, """
            INSERT INTO orleansmembershiptable (deploymentid, address, port, generation, siloname, hostname, status, proxyport, suspecttimes, starttime, iamalivetime)
            VALUES ($1, '10.0.0.12', 11111, 1, 'silo-b-4711', 'node-b', 6, 30000, NULL, now() - interval '3 hours', now() - interval '20 minutes')
            """, clusterId);
        // Orleans re-reads its members only when the table version moved, as every membership write makes it.
        await Drive.Execute(silo.Services, "UPDATE orleansmembershipversiontable SET version = version + 1 WHERE deploymentid = $1", clusterId);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        var page = await OpenAsOperatorAsync(browser);
        await page.GotoAsync(new Uri(silo.Address, "/dashboard").ToString());

        // First refresh: the figures of phase one.
        await WaitFor(page, "document.querySelector('[data-testid=cluster-alive]').dataset.value === '1'", "this silo alive in the cluster panel");
        await WaitFor(page, "document.querySelector('[data-testid=business-orders-per-minute]').dataset.value === '3'", "3 orders in the last minute");
        Assert.Equal("1", await Value(page, "cluster-dead"));
        Assert.Contains("gone", await page.Locator("[data-testid=silo-row][data-status=dead]").GetAttributeAsync("class") ?? "");
        Assert.Contains("20m", await page.Locator("[data-testid=silo-row][data-status=dead]").InnerTextAsync());
        Assert.Equal("3", await Field(page, "[data-method='customer.PlaceOrder']", "calls"));
        Assert.Equal("true", await page.Locator("[data-testid=silo-row][data-status=alive]").GetAttributeAsync("data-this-silo"));
        Assert.Equal(await Drive.Count(silo.Services, "SELECT count(*) FROM orleansreminderstable"), long.Parse(await Value(page, "reminders-registered"), CultureInfo.InvariantCulture));
        Assert.Equal("/orleans/", await page.GetByTestId("orleans-dashboard").GetAttributeAsync("href"));
        var scope = await page.GetByTestId("grains-scope").InnerTextAsync();
        Assert.Contains("whole cluster (1 active silo)", scope);
        Assert.Contains(silo.Services.GetRequiredService<ILocalSiloDetails>().Name + " only", scope);
        Assert.Equal("3", await Value(page, "business-open-cases"));
        Assert.Equal("2", await Field(page, "[data-testid=receivables-EUR]", "open"));
        Assert.Equal("242", await Field(page, "[data-testid=receivables-EUR]", "overdueAmount"));
        Assert.Equal("1", await Field(page, "[data-testid=receivables-GBP]", "overdue"));
        Assert.Equal("1", await Value(page, "stage-Reminder"));
        Assert.Equal("1", await Value(page, "risk-High"));
        Assert.Equal("€242", (await page.Locator("[data-testid=receivables-EUR] [data-field=overdueAmount]").InnerTextAsync()).Trim());
        await WaitFor(page, "Number(document.querySelector('[data-testid=chart-calls]').dataset.points) > 0", "a point on the calls chart");
        Assert.True(await page.Locator("[data-testid=chart-calls] path.line").CountAsync() == 1);

        var refreshes = int.Parse(await page.GetByTestId("last-refresh").GetAttributeAsync("data-refreshes") ?? "0", CultureInfo.InvariantCulture);
        var calls = long.Parse(await Value(page, "grains-calls"), CultureInfo.InvariantCulture);
        var delivered = long.Parse(await Value(page, "reminders-delivered"), CultureInfo.InvariantCulture);

        // Phase two between two refreshes: two more orders, the medium customer pays, a week passes.
        await Drive.Order(grains, "low", "o-4", "EUR");
        await Drive.Order(grains, "high", "o-5", "EUR");
        await Drive.Pay(grains, "p-1", mediumInvoice, 121m, "GBP", day: 17);
        await silo.AdvanceToDayAsync(22);

        // A refresh may start after the orders and before the advance reached day 21's reminders: wait for one after both.
        await WaitFor(page, $"Number(document.querySelector('[data-testid=last-refresh]').dataset.refreshes) > {refreshes} && document.querySelector('[data-testid=business-orders-per-minute]').dataset.value === '5' && Number(document.querySelector('[data-testid=reminders-delivered]').dataset.value) > {delivered}", "a refresh showing 5 orders and reminders delivered");
        Assert.Equal("5", await Field(page, "[data-method='customer.PlaceOrder']", "calls"));
        Assert.True(long.Parse(await Value(page, "grains-calls"), CultureInfo.InvariantCulture) > calls, "grain calls grew");
        Assert.True(long.Parse(await Value(page, "reminders-delivered"), CultureInfo.InvariantCulture) > delivered, "reminders were delivered");
        Assert.Equal("1", await Value(page, "business-payments-per-minute"));
        Assert.Equal("2", await Value(page, "business-open-cases"));
        Assert.Equal(0, await page.Locator("[data-testid=receivables-GBP]").CountAsync());
        Assert.Equal(
            await Drive.Count(silo.Services, "SELECT count(*) FROM cases WHERE status <> 'Closed' AND stage = 'SecondReminder'"),
            long.Parse(await Value(page, "stage-SecondReminder"), CultureInfo.InvariantCulture));

        // Sorting: by calls, busiest first; again, quietest first.
        await page.Locator("#methods-table th[data-sort=calls]").ClickAsync();
        var sorted = await CallsColumn(page);
        Assert.Equal(sorted.OrderByDescending(c => c), sorted);
        await page.Locator("#methods-table th[data-sort=calls]").ClickAsync();
        sorted = await CallsColumn(page);
        Assert.Equal(sorted.Order(), sorted);
        Assert.Equal("asc", await page.Locator("#methods-table th[data-sort=calls]").GetAttributeAsync("data-direction"));

        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");
    }

    private static async Task<List<long>> CallsColumn(IPage page) =>
        [.. (await page.Locator("#methods [data-testid=method-row] [data-field=calls]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.value)"))
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture))];
}
