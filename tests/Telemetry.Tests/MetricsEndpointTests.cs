using System.Globalization;
using System.Text.RegularExpressions;
using O2C.Telemetry.Tests.Support;
using O2C.Tests.Support;

namespace O2C.Telemetry.Tests;

/// <summary>Prometheus' view of a silo: <c>GET /metrics</c> after a small flow carries Orleans' series and ours.</summary>
[Collection(PostgresFixture.Collection)]
public sealed partial class MetricsEndpointTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Metrics_show_orleans_and_the_business_after_an_order_falls_due_and_is_dunned()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        await Flow.CustomerAsync(cluster, "m-1");
        await Flow.OrderAsync(cluster, "m-o1", "m-1");
        await cluster.AdvanceToDayAsync(30);
        await Flow.PayAsync(cluster, "m-p1", "INV-m-o1", 242m);

        var text = await cluster.Client.GetStringAsync("/metrics");

        // Ours, in the domain's words. A High-risk customer due on day 14: a pre-due reminder by e-mail,
        // then reminders by e-mail and SMS; the payment closes the case.
        Assert.Equal(1, Value(text, "o2c_orders_total", "outcome=\"accepted\""));
        Assert.Equal(1, Value(text, "o2c_invoices_issued_total"));
        Assert.Equal(1, Value(text, "o2c_payments_total", "outcome=\"matched\""));
        Assert.True(Value(text, "o2c_messages_total", "channel=\"email\"", "outcome=\"queued\"") >= 2);
        Assert.True(Value(text, "o2c_messages_total", "channel=\"sms\"", "outcome=\"queued\"") >= 1);
        Assert.Equal(1, Value(text, "o2c_cases_opened_total", "risk_profile=\"High\""));
        Assert.Equal(1, Value(text, "o2c_cases_closed_total", "risk_profile=\"High\""));
        Assert.True(Value(text, "o2c_wakeups_total", "grain_type=\"invoice\"", "outcome=\"delivered\"") >= 2);
        Assert.True(Value(text, "o2c_wakeup_lag_business_seconds_count", "grain_type=\"case\"") >= 1);

        // Orleans', ASP.NET Core's and Npgsql's own.
        Assert.Matches("(?m)^orleans_[a-z_]+", text);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("db_client_connection", text, StringComparison.Ordinal);
    }

    /// <summary>The sum of the series <paramref name="name"/> having every label given, whatever the label order.</summary>
    private static double Value(string text, string name, params string[] labels)
    {
        var series = Series().Matches(text)
            .Where(m => m.Groups["name"].Value == name && labels.All(l => m.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
            .ToList();
        Assert.True(series.Count > 0, $"no series {name} with {string.Join(", ", labels)} in:\n{string.Join("\n", text.Split('\n').Where(l => l.StartsWith("o2c_", StringComparison.Ordinal)))}");
        return series.Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"(?m)^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>[0-9.eE+-]+)")]
    private static partial Regex Series();
}
