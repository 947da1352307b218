using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using O2C.Telemetry.Tests.Support;
using O2C.Tests.Support;
using OpenTelemetry.Trace;

namespace O2C.Telemetry.Tests;

/// <summary>One order followed from its HTTP request through the grain calls to the SQL, by trace id.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class TraceTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_trace_of_post_orders_holds_the_grain_calls_and_the_sql_with_order_customer_and_invoice()
    {
        var spans = new List<Activity>();
        await using var cluster = await TestCluster.StartAsync(
            postgres, services: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        await Flow.CustomerAsync(cluster, "t-1");

        await Flow.OrderAsync(cluster, "t-o1", "t-1");

        // The server span ends as the response goes out: the client may read it a moment earlier.
        var request = await Eventually.Until(
            () => Task.FromResult(Snapshot(spans).FirstOrDefault(s => s.Kind == ActivityKind.Server && Tag(s, O2CTracing.OrderId) == "t-o1")),
            span => span is not null, "the HTTP span of POST /v1/orders tagged with the order id");
        var trace = Snapshot(spans).Where(s => s.TraceId == request!.TraceId).ToList();
        var described = string.Join("; ", trace.Select(s => $"{s.Source.Name}:{s.DisplayName}"));

        Assert.Equal("t-1", Tag(request!, O2CTracing.CustomerId));
        Assert.True(
            trace.Any(s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && Tag(s, O2CTracing.CustomerId) == "t-1" && Tag(s, O2CTracing.OrderId) == "t-o1"),
            $"no span of the customer grain's call with customer and order id in: {described}");
        Assert.True(
            trace.Any(s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && Tag(s, O2CTracing.InvoiceId) == "INV-t-o1"),
            $"no span of the invoice grain's call in: {described}");
        Assert.True(trace.Any(s => s.Source.Name == "Npgsql"), $"no SQL span in: {described}");
        Assert.True(trace.Any(s => s.Source.Name == O2CTracing.SourceName && s.DisplayName == "o2c.group_commit"), $"no group commit span in: {described}");
    }

    [Fact]
    public async Task A_clock_advance_is_a_trace_with_a_span_per_batch()
    {
        var spans = new List<Activity>();
        await using var cluster = await TestCluster.StartAsync(
            postgres, services: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        await Flow.CustomerAsync(cluster, "t-2");
        await Flow.OrderAsync(cluster, "t-o2", "t-2");

        await cluster.AdvanceToDayAsync(20);

        var advance = Snapshot(spans).Single(s => s.DisplayName == "clock.advance");
        var batches = Snapshot(spans).Where(s => s.DisplayName == "clock.batch" && s.ParentSpanId == advance.SpanId).ToList();
        // Due on day 14 with a High-risk ladder: the pre-due reminder (day 9), the due-date check (day 15), the case's step, then the target.
        Assert.True(batches.Count >= 3, $"{batches.Count} batches: {string.Join(", ", batches.Select(b => Tag(b, "o2c.business_time")))}");
        Assert.Contains(batches, b => b.GetTagItem("o2c.reminders_due") is long due && due > 0);
    }

    // The exporter appends as spans end; ToArray copies without enumerating, so it never throws mid-append.
    private static Activity[] Snapshot(List<Activity> spans) => spans.ToArray();

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();
}
