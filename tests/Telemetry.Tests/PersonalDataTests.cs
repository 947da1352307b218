using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using O2C.Telemetry.Tests.Support;
using O2C.Tests.Support;

namespace O2C.Telemetry.Tests;

/// <summary>Logs leave the silo for log stores with wider access than the database: no e-mail address or phone number in them.</summary>
[Collection(PostgresFixture.Collection)]
public sealed partial class PersonalDataTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_full_flow_logs_no_email_address_or_phone_number_even_at_debug()
    {
        var logs = new CapturedLogs();
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Npgsql"] = "Debug",
            ["Logging:LogLevel:Orleans"] = "Information",
            // The webhook refuses (nothing listens there): SMS deliveries fail and are logged with their reasons.
            ["O2C:Delivery:Webhook:Url"] = "http://127.0.0.1:9/hook",
            ["O2C:Delivery:Webhook:Secret"] = "s3cret",
            ["O2C:Delivery:MaxAttempts"] = "1",
        };
        await using (var cluster = await TestCluster.StartAsync(postgres, settings, services => services.AddSingleton<ILoggerProvider>(logs)))
        {
            await Flow.CustomerAsync(cluster, "p-1");
            await Flow.OrderAsync(cluster, "p-o1", "p-1");
            await Flow.OrderAsync(cluster, "p-o2", "p-1");
            await cluster.AdvanceToDayAsync(40);
            await Flow.PayAsync(cluster, "p-p1", "INV-p-o1", 242m);
            await Eventually.Until(
                () => Task.FromResult(logs.Lines.Count(l => l.Contains("Failed after attempt", StringComparison.Ordinal))),
                failed => failed > 0, "an SMS delivery failure logged");
        }

        var lines = logs.Lines.ToList();
        Assert.True(lines.Count > 100, $"only {lines.Count} lines captured: the test would prove nothing");
        // The payment grain reads open invoices inside its call: Npgsql's lines carry the grain's scope.
        Assert.Contains(lines, l => l.Contains("scope=grain payment/p-p1 at business time", StringComparison.Ordinal));
        var leaks = lines.Where(l => l.Contains(Flow.Email, StringComparison.OrdinalIgnoreCase) || l.Contains(Flow.Phone, StringComparison.Ordinal)
            || l.Contains("612345678", StringComparison.Ordinal) || EmailAddress().IsMatch(l)).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} lines with personal data, the first: {leaks.FirstOrDefault()}");
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();
}
