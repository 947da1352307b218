using System.Numerics;

namespace O2C.Bench.Load;

/// <summary>
/// A log-linear latency histogram in microseconds, in the manner of HdrHistogram: exact below 128 µs,
/// then 64 buckets per power of two (under 1.6% error), so a recording is one increment and the
/// percentiles of millions of requests cost a few kilobytes. Thread-safe.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBits = 7;
    private const int SubCount = 1 << SubBits;
    private const int HalfCount = SubCount / 2;

    private readonly long[] _counts = new long[SubCount + ((64 - SubBits) * HalfCount)];
    private long _count;
    private long _max;
    private long _sumMicros;

    public long Count => Interlocked.Read(ref _count);

    public void Record(TimeSpan latency)
    {
        var micros = Math.Max(0, (long)latency.TotalMicroseconds);
        Interlocked.Increment(ref _counts[IndexOf(micros)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumMicros, micros);
        long seen;
        while (micros > (seen = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, micros, seen) != seen)
        {
        }
    }

    /// <summary>The latency at or below which <paramref name="percentile"/> (0-100) of the recordings fall.</summary>
    public TimeSpan Percentile(double percentile)
    {
        var total = Count;
        if (total == 0)
        {
            return TimeSpan.Zero;
        }

        var target = Math.Max(1, (long)Math.Ceiling(total * percentile / 100));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= target)
            {
                return TimeSpan.FromMicroseconds(Math.Min(UpperBoundOf(i), Interlocked.Read(ref _max)));
            }
        }

        return Max;
    }

    public TimeSpan Max => TimeSpan.FromMicroseconds(Interlocked.Read(ref _max));

    public TimeSpan Mean => Count == 0 ? TimeSpan.Zero : TimeSpan.FromMicroseconds((double)Interlocked.Read(ref _sumMicros) / Count);

    public LatencySummary Summarize() => new(Count, Percentile(50), Percentile(90), Percentile(99), Max, Mean);

    public static int IndexOf(long micros)
    {
        if (micros < SubCount)
        {
            return (int)micros;
        }

        var highestBit = 63 - BitOperations.LeadingZeroCount((ulong)micros);
        var shift = highestBit - (SubBits - 1);
        var top = (int)(micros >> shift);
        return SubCount + ((shift - 1) * HalfCount) + (top - HalfCount);
    }

    public static long UpperBoundOf(int index)
    {
        if (index < SubCount)
        {
            return index;
        }

        var k = index - SubCount;
        var shift = (k / HalfCount) + 1;
        var top = (long)((k % HalfCount) + HalfCount);
        return ((top + 1) << shift) - 1;
    }
}
