using System.Globalization;
using Microsoft.Playwright;
using O2C.Clock;
using O2C.Dashboard.Tests.Support;
using O2C.Grains.Interfaces.Customers;
using O2C.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static O2C.Dashboard.Tests.Support.DashboardPage;

namespace O2C.Dashboard.Tests;

/// <summary>The delivery panel of <c>/dashboard</c> in headless Chromium against the messages table.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class DeliveryPanelTests(PostgresFixture postgres)
{
    private static readonly string[] ChromiumArgs = ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run"];
    private static readonly string[] Statuses = ["queued", "sending", "sent", "failed", "cancelled"];

    [Fact]
    public async Task The_panel_counts_messages_per_channel_and_status_and_shows_the_last_errors()
    {
        Assert.True(File.Exists(DashboardPageTests.ChromiumPath), $"{DashboardPageTests.ChromiumPath} is missing");
        await using var silo = await KestrelSilo.StartAsync(postgres);
        await silo.Grains.GetGrain<ICustomerGrain>("d-high").Upsert(new CustomerProfile(
            "Customer d-high", "d-high@example.com", "+31600000000", "de", "EUR", "DE", 14, 1_000_000m, 10, [Channel.Email, Channel.Sms]));
        await Drive.Order(silo.Grains, "d-high", "d-o1", "EUR");
        // High risk, due day 14: pre-due e-mail day 9, reminder by e-mail and SMS day 15. No channel is configured: all wait Queued.
        await silo.AdvanceToDayAsync(15);
        Assert.Equal(3, await Drive.Count(silo.Services, "SELECT count(*) FROM messages WHERE status = 'Queued'"));

        // What delivery would have done: the pre-due e-mail went out, the SMS failed for good.
        var now = silo.Services.GetRequiredService<BusinessClock>().GetUtcNow();
        await Drive.Execute(silo.Services,
            "UPDATE messages SET status = 'Sent', attempts = 1, sent_at = $1, finished_at = $1, last_attempt_at = $1 WHERE stage = 'PreDueReminder'", now);
        await Drive.Execute(silo.Services,
            "UPDATE messages SET status = 'Failed', attempts = 3, last_error = 'webhook HTTP 503: upstream <down>', last_attempt_at = $1, finished_at = $1 WHERE channel = 'Sms'", now);
        var queuedSince = now - DateTimeOffset.FromUnixTimeSeconds(await Drive.Count(silo.Services,
            "SELECT extract(epoch FROM min(created_at))::bigint FROM messages WHERE status = 'Queued'"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = DashboardPageTests.ChromiumPath, Headless = true, Args = ChromiumArgs });
        var page = await OpenAsOperatorAsync(browser);
        await page.GotoAsync(new Uri(silo.Address, "/dashboard").ToString());
        await WaitFor(page, "document.querySelector('[data-testid=delivery-Email] [data-field=sent]')?.dataset.value === '1'", "one e-mail sent");

        Assert.Equal(["1", "0", "1", "0", "0"], await Row(page, "Email"));
        Assert.Equal(["0", "0", "0", "1", "0"], await Row(page, "Sms"));
        Assert.Equal(["0", "0", "0", "0", "0"], await Row(page, "Letter"));
        var oldest = double.Parse(await Field(page, "[data-testid=delivery-Email]", "oldestQueued"), CultureInfo.InvariantCulture);
        Assert.InRange(oldest, queuedSince.TotalSeconds - 1, queuedSince.TotalSeconds + 1);
        Assert.Contains("warn", await page.Locator("[data-testid=delivery-Sms] [data-field=failed]").GetAttributeAsync("class") ?? "");
        var error = page.GetByTestId("delivery-error");
        Assert.Equal(1, await error.CountAsync());
        Assert.Equal("d-high-C1-m1-sms", await error.GetAttributeAsync("data-message"));
        var text = await error.InnerTextAsync();
        Assert.Contains("webhook HTTP 503: upstream <down>", text);
        Assert.Contains("Failed", text);
    }

    private static async Task<string[]> Row(IPage page, string channel) =>
        [.. await Task.WhenAll(Statuses.Select(f => Field(page, $"[data-testid=delivery-{channel}]", f)))];
}
