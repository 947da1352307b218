namespace O2C.Runtime.Statistics;

public sealed record MethodCallSnapshot(string GrainType, string Method, long Calls, long Errors, LatencySnapshot Latency)
{
    public double P50Milliseconds => Latency.Quantile(0.50).TotalMilliseconds;
    public double P99Milliseconds => Latency.Quantile(0.99).TotalMilliseconds;
}
