namespace O2C.Bench.Load;

/// <summary>
/// What a load run did: requests sent, units of work they carried (orders in a batch, rows),
/// failures, wall time, the latency of each request and the CPU time the whole machine spent meanwhile.
/// </summary>
public sealed record LoadResult(long Requests, long Units, long Errors, TimeSpan Elapsed, LatencySummary Latency, string? FirstError)
{
    /// <summary>Busy CPU time of all cores during the run (client, server and database alike); null off Linux.</summary>
    public TimeSpan? MachineCpu { get; init; }

    public double UnitsPerSecond => Elapsed > TimeSpan.Zero ? Units / Elapsed.TotalSeconds : 0;

    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Requests / Elapsed.TotalSeconds : 0;
}
