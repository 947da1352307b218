namespace O2C.Api.Dashboard;

/// <summary>The running counts of one grain method (or of reminder ticks), updated without locks.</summary>
internal sealed class MethodCounter
{
    private long _calls;
    private long _errors;

    public LatencyHistogram Latency { get; } = new();

    public long Calls => Volatile.Read(ref _calls);

    public long Errors => Volatile.Read(ref _errors);

    public void Record(TimeSpan elapsed, bool failed)
    {
        Latency.Record(elapsed);
        Interlocked.Increment(ref _calls);
        if (failed)
        {
            Interlocked.Increment(ref _errors);
        }
    }
}
