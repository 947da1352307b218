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

    [Theory]
    [InlineData(0L)]
    [InlineData(127L)]
    [InlineData(128L)]
    [InlineData(1_000_003L)]
    [InlineData(long.MaxValue / 2)]
    public void A_value_lies_within_its_bucket(long micros)
    {
        var index = LatencyHistogram.IndexOf(micros);
        Assert.True(LatencyHistogram.UpperBoundOf(index) >= micros);
        Assert.True(index == 0 || LatencyHistogram.UpperBoundOf(index - 1) < micros);
    }
}
