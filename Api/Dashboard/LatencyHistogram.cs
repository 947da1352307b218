namespace O2C.Api.Dashboard;

/// <summary>
/// A lock-free latency histogram: four buckets per doubling from 1 µs, so a quantile read from it is
/// within 19% of the true value, and a call costs one interlocked add. Values past the top bucket
/// (about 18 minutes) land in it, which <see cref="LatencySnapshot.IsCapped"/> reports.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Buckets per doubling of the value.</summary>
    public const int BucketsPerOctave = 4;

    public const int BucketCount = 30 * BucketsPerOctave;

    private readonly long[] _counts = new long[BucketCount];
    private long _totalTicks;

    /// <summary>The upper bound of bucket <paramref name="bucket"/>: 1 µs times 2^(bucket / 4).</summary>
    public static TimeSpan UpperBound(int bucket) =>
        TimeSpan.FromTicks((long)Math.Round(TimeSpan.TicksPerMicrosecond * Math.Pow(2, (double)bucket / BucketsPerOctave)));

    /// <summary>The bucket a value falls in: the first whose upper bound is not below it.</summary>
    public static int BucketOf(TimeSpan value)
    {
        if (value.Ticks <= TimeSpan.TicksPerMicrosecond)
        {
            return 0;
        }

        var bucket = (int)Math.Ceiling(Math.Log2((double)value.Ticks / TimeSpan.TicksPerMicrosecond) * BucketsPerOctave - 1e-9);
        return Math.Clamp(bucket, 0, BucketCount - 1);
    }

    public void Record(TimeSpan value)
    {
        Interlocked.Increment(ref _counts[BucketOf(value)]);
        Interlocked.Add(ref _totalTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>The counts so far. Not atomic across buckets: a call recorded meanwhile may be half in.</summary>
    public LatencySnapshot Snapshot()
    {
        var counts = new long[BucketCount];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = Volatile.Read(ref _counts[i]);
        }

        return new LatencySnapshot(counts, Volatile.Read(ref _totalTicks));
    }
}
