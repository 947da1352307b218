namespace O2C.Runtime.Statistics;

/// <summary>Bucket counts at one moment; two snapshots subtract to give the calls in between.</summary>
public sealed record LatencySnapshot(long[] Counts, long TotalTicks)
{
    public long Count => Counts.Sum();

    public TimeSpan Mean => Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(TotalTicks / Count);

    public TimeSpan Quantile(double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        var total = Count;
        if (total == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var i = 0; i < Counts.Length; i++)
        {
            seen += Counts[i];
            if (seen >= Math.Max(rank, 1))
            {
                return LatencyHistogram.UpperBound(i);
            }
        }

        return LatencyHistogram.UpperBound(Counts.Length - 1);
    }

    public LatencySnapshot Minus(LatencySnapshot earlier) =>
        new(Counts.Select((c, i) => c - earlier.Counts[i]).ToArray(), TotalTicks - earlier.TotalTicks);
}
