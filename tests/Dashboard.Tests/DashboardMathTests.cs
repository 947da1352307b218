using O2C.Api.Dashboard;
using O2C.Runtime.Statistics;

namespace O2C.Dashboard.Tests;

/// <summary>The arithmetic behind the charts and window rates, without a silo.</summary>
public sealed class DashboardMathTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_point_holds_the_orders_calls_and_p99_of_its_second_and_the_deliveries_of_the_minute()
    {
        var earlier = Snapshot(T0, orders: 10, otherCalls: 100, delivered: 50, slowCalls: 0);
        var now = Snapshot(T0.AddSeconds(2), orders: 16, otherCalls: 120, delivered: 80, slowCalls: 1);
        var minuteAgo = Snapshot(T0.AddSeconds(-58), orders: 0, otherCalls: 0, delivered: 20, slowCalls: 0).Reminders;

        var point = DashboardMath.Point(earlier, now, minuteAgo, "customer", "PlaceOrder");

        Assert.Equal(T0.AddSeconds(2).ToUnixTimeMilliseconds(), point.T);
        Assert.Equal(3, point.OrdersPerSecond);
        Assert.Equal(13.5, point.CallsPerSecond); // (6 orders + 20 others + 1 slow) / 2 s
        Assert.Equal(60, point.RemindersPerMinute);
        Assert.Equal(LatencyHistogram.UpperBound(LatencyHistogram.BucketOf(TimeSpan.FromMilliseconds(100))).TotalMilliseconds, point.P99Ms!.Value, 3); // the one slow call of 27
    }

    [Fact]
    public void A_second_without_calls_has_no_p99_and_an_empty_window_falls_back_to_lifetime_latency()
    {
        var same = Snapshot(T0, orders: 5, otherCalls: 5, delivered: 0, slowCalls: 0);
        var point = DashboardMath.Point(same, same with { TakenAt = T0.AddSeconds(1) }, null, "customer", "PlaceOrder");

        Assert.Null(point.P99Ms);
        Assert.Equal(0, point.CallsPerSecond);
        var latency = same.Methods[0].Latency;
        Assert.Equal(latency.Count, DashboardMath.Recent(latency, latency).Count);
    }

    [Fact]
    public void The_ring_keeps_the_newest_items_oldest_first()
    {
        var ring = new StatisticsHistory();
        for (var i = 0; i < StatisticsHistory.HistorySeconds + 5; i++)
        {
            ring.Add(Snapshot(T0.AddSeconds(i), orders: i, otherCalls: 0, delivered: 0, slowCalls: 0), "customer", "PlaceOrder");
        }

        var points = ring.Points(0);
        Assert.Equal(StatisticsHistory.HistorySeconds, points.Count);
        Assert.Equal(T0.AddSeconds(StatisticsHistory.HistorySeconds + 4).ToUnixTimeMilliseconds(), points[^1].T);
        Assert.All(points, p => Assert.Equal(1, p.OrdersPerSecond));
        Assert.Equal(T0.AddSeconds(StatisticsHistory.HistorySeconds + 4 - StatisticsHistory.WindowSeconds), ring.WindowStart()!.TakenAt);
        Assert.Equal(2, ring.Points(points[^3].T).Count);
    }

    // Orders and other calls take 1 ms each, slow calls 100 ms.
    private static RuntimeStatisticsSnapshot Snapshot(DateTimeOffset at, long orders, long otherCalls, long delivered, long slowCalls) => new(
        at,
        [
            new MethodCallSnapshot("customer", "PlaceOrder", orders, 0, Histogram((1, orders))),
            new MethodCallSnapshot("invoice", "Issue", otherCalls + slowCalls, 0, Histogram((1, otherCalls), (100, slowCalls))),
        ],
        new Dictionary<string, long> { ["customer"] = 1 },
        new ReminderCounters(0, delivered, delivered, 0, Histogram()));

    private static LatencySnapshot Histogram(params (double Milliseconds, long Count)[] calls)
    {
        var counts = new long[LatencyHistogram.BucketCount];
        foreach (var (ms, count) in calls)
        {
            counts[LatencyHistogram.BucketOf(TimeSpan.FromMilliseconds(ms))] += count;
        }

        return new LatencySnapshot(counts, 0);
    }
}
