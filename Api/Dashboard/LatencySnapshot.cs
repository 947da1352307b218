namespace O2C.Api.Dashboard;

/// <summary>The counts of a <see cref="LatencyHistogram"/> at one moment (or the difference of two).</summary>
public sealed record LatencySnapshot(IReadOnlyList<long> Counts, long TotalTicks)
{
    public static LatencySnapshot Empty { get; } = new(new long[LatencyHistogram.BucketCount], 0);

    public long Count => Counts.Sum();

    /// <summary>Whether a value reached the top bucket, whose bound then understates it.</summary>
    public bool IsCapped => Counts[^1] > 0;

    /// <summary>The upper bound of the bucket holding the <paramref name="q"/> quantile; zero when empty.</summary>
    public TimeSpan Quantile(double q)
    {
        var count = Count;
        if (count == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(q * count));
        long seen = 0;
        for (var i = 0; i < Counts.Count; i++)
        {
            seen += Counts[i];
            if (seen >= rank)
            {
                return LatencyHistogram.UpperBound(i);
            }
        }

        return LatencyHistogram.UpperBound(Counts.Count - 1);
    }

    /// <summary>What was recorded after <paramref name="earlier"/> was taken.</summary>
    public LatencySnapshot Minus(LatencySnapshot earlier)
    {
        var counts = new long[Counts.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = Math.Max(0, Counts[i] - earlier.Counts[i]);
        }

        return new LatencySnapshot(counts, Math.Max(0, TotalTicks - earlier.TotalTicks));
    }
}
