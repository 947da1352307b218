using Microsoft.Playwright;
using O2C.Tests.Support;

namespace O2C.Dashboard.Tests.Support;

/// <summary>Reads of the dashboard page in a browser: the raw values its script puts in <c>data-value</c>.</summary>
public static class DashboardPage
{
    /// <summary>A page whose every request carries the admin key, as a signed-in operator's page does (the sign-in itself is tested over HTTP in Api.Tests/Auth).</summary>
    public static Task<IPage> OpenAsOperatorAsync(IBrowser browser) => browser.NewPageAsync(new()
    {
        ViewportSize = new() { Width = 1440, Height = 1000 },
        ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Api-Key"] = TestCluster.AdminKey },
    });

    public static async Task WaitFor(IPage page, string condition, string what)
    {
        try
        {
            await page.WaitForFunctionAsync(condition, null, new() { Timeout = 15_000, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The dashboard never showed {what} (waited 15 s for: {condition})");
        }
    }

    public static async Task<string> Value(IPage page, string testId) =>
        await page.GetByTestId(testId).GetAttributeAsync("data-value") ?? throw new Xunit.Sdk.XunitException($"{testId} has no data-value");

    public static async Task<string> Field(IPage page, string row, string field) =>
        await page.Locator($"{row} [data-field={field}]").GetAttributeAsync("data-value") ?? throw new Xunit.Sdk.XunitException($"{row} has no {field}");
}
