using HdrHistogram;

namespace O2C.Bench.Load;

/// <summary>
/// Latencies in microseconds in an HdrHistogram (<c>LongConcurrentHistogram</c>, three significant
/// digits: under 0.1% error, from 1 µs to an hour), so percentiles of millions of requests cost a
/// few kilobytes. Thread-safe.
/// </summary>
/// <remarks>
/// Kept beside the library: the exact maximum and mean. HdrHistogram reports both from its buckets
/// (the maximum as its bucket's upper end), and the reports print the slowest request as it was.
/// </remarks>
public sealed class LatencyHistogram
{
    private const long HighestMicros = 3_600_000_000;

    private readonly LongConcurrentHistogram _histogram = new(1, HighestMicros, 3);
    private long _max;
    private long _sumMicros;

    public long Count => _histogram.TotalCount;

    public void Record(TimeSpan latency)
    {
        var micros = Math.Max(0, (long)latency.TotalMicroseconds);
        _histogram.RecordValue(Math.Clamp(micros, 1, HighestMicros));
        Interlocked.Add(ref _sumMicros, micros);
        long seen;
        while (micros > (seen = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, micros, seen) != seen)
        {
        }
    }

    /// <summary>The latency at or below which <paramref name="percentile"/> (0-100) of the recordings fall.</summary>
    public TimeSpan Percentile(double percentile) =>
        Count == 0 ? TimeSpan.Zero : TimeSpan.FromMicroseconds(Math.Min(_histogram.GetValueAtPercentile(percentile), Interlocked.Read(ref _max)));

    public TimeSpan Max => TimeSpan.FromMicroseconds(Interlocked.Read(ref _max));

    public TimeSpan Mean => Count == 0 ? TimeSpan.Zero : TimeSpan.FromMicroseconds((double)Interlocked.Read(ref _sumMicros) / Count);

    public LatencySummary Summarize() => new(Count, Percentile(50), Percentile(90), Percentile(99), Max, Mean);
}
