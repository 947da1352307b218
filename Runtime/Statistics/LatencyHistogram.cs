namespace O2C.Runtime.Statistics;

/// <summary>
/// A fixed-size, lock-free latency histogram: 96 buckets growing by 2^(1/4) from 4 µs to about
/// a minute. Memory stays constant however many calls are recorded, which is what keeps
/// watching the dashboard cheap; quantiles are read to within ~19%.
/// </summary>
public sealed class LatencyHistogram
{
    public const int BucketCount = 96;
    private const double FirstBucketMicroseconds = 4;
    private const double BucketsPerDoubling = 4;

    private readonly long[] _counts = new long[BucketCount];
    private long _count;
    private long _totalTicks;

    public long Count => Interlocked.Read(ref _count);

    public void Record(TimeSpan elapsed)
    {
        Interlocked.Increment(ref _counts[BucketOf(elapsed)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _totalTicks, elapsed.Ticks);
    }

    public static int BucketOf(TimeSpan elapsed)
    {
        var micros = elapsed.TotalMicroseconds;
        if (micros <= FirstBucketMicroseconds)
        {
            return 0;
        }

        var index = (int)Math.Ceiling(BucketsPerDoubling * Math.Log2(micros / FirstBucketMicroseconds));
        return Math.Clamp(index, 0, BucketCount - 1);
    }

    /// <summary>Upper bound of a bucket.</summary>
    public static TimeSpan UpperBound(int bucket) =>
        TimeSpan.FromMicroseconds(FirstBucketMicroseconds * Math.Pow(2, bucket / BucketsPerDoubling));

    public LatencySnapshot Snapshot()
    {
        var counts = new long[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            counts[i] = Interlocked.Read(ref _counts[i]);
        }

        return new LatencySnapshot(counts, Interlocked.Read(ref _totalTicks));
    }
}
