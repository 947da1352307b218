namespace O2C.Bench.Load;

/// <summary>Percentiles of one run's latencies.</summary>
public sealed record LatencySummary(long Count, TimeSpan P50, TimeSpan P90, TimeSpan P99, TimeSpan Max, TimeSpan Mean);
