namespace O2C.Bench.Load;

/// <summary>
/// What a load run did: requests sent, units of work they carried (orders in a batch, rows),
/// failures, wall time and the latency of each request.
/// </summary>
public sealed record LoadResult(long Requests, long Units, long Errors, TimeSpan Elapsed, LatencySummary Latency, string? FirstError)
{
    public double UnitsPerSecond => Elapsed > TimeSpan.Zero ? Units / Elapsed.TotalSeconds : 0;

    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Requests / Elapsed.TotalSeconds : 0;
}
