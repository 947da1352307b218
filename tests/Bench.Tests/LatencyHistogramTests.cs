using O2C.Bench.Load;

namespace O2C.Bench.Tests;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_are_within_two_percent()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 1000; ms++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(ms));
        }

        Assert.InRange(histogram.Percentile(50).TotalMilliseconds, 500, 510);
        Assert.InRange(histogram.Percentile(99).TotalMilliseconds, 990, 1000);
        Assert.Equal(1000, histogram.Max.TotalMilliseconds);
        Assert.Equal(1000, histogram.Count);
    }

    [Fact]
    public void Percentiles_stay_within_a_tenth_of_a_percent_from_microseconds_to_minutes()
    {
        var histogram = new LatencyHistogram();
        long[] micros = [3, 250, 1_003, 47_123, 1_000_003, 90_000_000];
        foreach (var value in micros)
        {
            histogram.Record(TimeSpan.FromMicroseconds(value));
        }

        for (var i = 0; i < micros.Length; i++)
        {
            var percentile = 100.0 * (i + 1) / micros.Length;
            Assert.InRange(histogram.Percentile(percentile).TotalMicroseconds, micros[i], micros[i] * 1.001 + 1);
        }

        Assert.Equal(90_000_000, histogram.Max.TotalMicroseconds);
    }

    [Fact]
    public void Concurrent_recordings_are_all_counted()
    {
        var histogram = new LatencyHistogram();
        Parallel.For(0, 100_000, i => histogram.Record(TimeSpan.FromMicroseconds(i % 1000)));
        Assert.Equal(100_000, histogram.Count);
        Assert.Equal(999, histogram.Max.TotalMicroseconds);
    }
}
