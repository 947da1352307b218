using O2C.Api.Dashboard;
using Orleans.Runtime;

namespace O2C.Dashboard.Tests;

/// <summary>The arithmetic behind the charts, window rates and name mapping, without a silo.</summary>
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

    [Theory]
    [InlineData(0.0005)]
    [InlineData(0.001)]
    [InlineData(0.7)]
    [InlineData(3)]
    [InlineData(250)]
    [InlineData(60_000)]
    public void A_value_falls_in_the_first_bucket_whose_bound_holds_it_within_a_fifth(double milliseconds)
    {
        var value = TimeSpan.FromMilliseconds(milliseconds);
        var bucket = LatencyHistogram.BucketOf(value);

        Assert.True(LatencyHistogram.UpperBound(bucket) >= value, $"bucket {bucket} bound {LatencyHistogram.UpperBound(bucket)} < {value}");
        if (bucket > 0)
        {
            Assert.True(LatencyHistogram.UpperBound(bucket - 1) < value);
            Assert.True(LatencyHistogram.UpperBound(bucket).Ticks <= value.Ticks * 1.19 + 1);
        }
    }

    [Fact]
    public void Quantiles_read_the_bucket_of_their_rank_and_the_top_bucket_is_reported_as_capped()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 98; i++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(1));
        }

        histogram.Record(TimeSpan.FromMilliseconds(50));
        histogram.Record(TimeSpan.FromHours(2));
        var snapshot = histogram.Snapshot();

        Assert.Equal(100, snapshot.Count);
        Assert.Equal(LatencyHistogram.UpperBound(LatencyHistogram.BucketOf(TimeSpan.FromMilliseconds(1))), snapshot.Quantile(0.5));
        Assert.Equal(LatencyHistogram.UpperBound(LatencyHistogram.BucketOf(TimeSpan.FromMilliseconds(50))), snapshot.Quantile(0.99));
        Assert.Equal(LatencyHistogram.UpperBound(LatencyHistogram.BucketCount - 1), snapshot.Quantile(1));
        Assert.True(snapshot.IsCapped);
        Assert.Equal(TimeSpan.Zero, LatencySnapshot.Empty.Quantile(0.99));
        Assert.Equal(2, snapshot.Minus(Histogram((1, 98))).Count);
    }

    [Fact]
    public void Activation_counts_are_named_by_grain_type_whatever_form_the_class_name_takes()
    {
        var names = new Dictionary<string, string> { ["O2C.Grains.Customers.CustomerGrain"] = "customer" };

        Assert.Equal("customer", ActivationQuery.GrainTypeOf("O2C.Grains.Customers.CustomerGrain", names));
        Assert.Equal("customer", ActivationQuery.GrainTypeOf("O2C.Grains.Customers.CustomerGrain,O2C.Grains", names));
        Assert.Equal("Some.Other.Grain", ActivationQuery.GrainTypeOf("Some.Other.Grain", names));
    }

    [Theory]
    [InlineData(SiloStatus.Active, "alive")]
    [InlineData(SiloStatus.Created, "joining")]
    [InlineData(SiloStatus.Joining, "joining")]
    [InlineData(SiloStatus.ShuttingDown, "stopping")]
    [InlineData(SiloStatus.Stopping, "stopping")]
    [InlineData(SiloStatus.Dead, "dead")]
    public void Orleans_silo_statuses_map_to_four_on_the_page(SiloStatus status, string shown) =>
        Assert.Equal(shown, ClusterQuery.StatusName(status));

    // Orders and other calls take 1 ms each, slow calls 100 ms.
    private static CallStatistics Snapshot(DateTimeOffset at, long orders, long otherCalls, long delivered, long slowCalls) => new(
        at,
        [
            new MethodCalls("customer", "PlaceOrder", orders, 0, Histogram((1, orders))),
            new MethodCalls("invoice", "Issue", otherCalls + slowCalls, 0, Histogram((1, otherCalls), (100, slowCalls))),
        ],
        new ReminderTicks(delivered, 0, Histogram()));

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
