namespace O2C.Runtime.Statistics;

/// <summary>Live counters of one grain method.</summary>
internal sealed class MethodStatistics
{
    private long _errors;

    public LatencyHistogram Latency { get; } = new();

    public long Errors => Interlocked.Read(ref _errors);

    public void Record(TimeSpan elapsed, bool failed)
    {
        Latency.Record(elapsed);
        if (failed)
        {
            Interlocked.Increment(ref _errors);
        }
    }
}
