using O2C.Bench.Load;

namespace O2C.Bench.Reporting;

/// <summary>
/// One measured figure of a run. <see cref="Ratio"/> is <see cref="Value"/> divided by the value of the
/// ceiling named in <see cref="Ceiling"/>, measured in the same run. <see cref="Status"/> is <c>ok</c>,
/// <c>endpoint not available: ...</c> or <c>failed: ...</c>; a figure that is not ok carries no value.
/// </summary>
public sealed record Figure(string Scenario, string Name, double? Value, string Unit)
{
    public double? P50Ms { get; init; }
    public double? P90Ms { get; init; }
    public double? P99Ms { get; init; }
    public double? MaxMs { get; init; }
    public string? Ceiling { get; init; }
    public double? Ratio { get; init; }
    public string? Target { get; init; }
    public string Status { get; init; } = "ok";
    public string? Note { get; init; }

    /// <summary>
    /// Busy CPU time of the whole machine (load generator, silo, database) per unit of <see cref="Unit"/>,
    /// in milliseconds: steadier than the rate when the host's speed drifts, so the figure to compare changes by.
    /// </summary>
    public double? CpuMsPerUnit { get; init; }

    public bool IsOk => Status == "ok";

    public Figure WithLatency(LatencySummary latency) => this with
    {
        P50Ms = latency.P50.TotalMilliseconds,
        P90Ms = latency.P90.TotalMilliseconds,
        P99Ms = latency.P99.TotalMilliseconds,
        MaxMs = latency.Max.TotalMilliseconds,
    };

    public Figure WithCpu(TimeSpan? machineCpu, double units) => this with
    {
        CpuMsPerUnit = machineCpu is { } cpu && units > 0 ? cpu.TotalMilliseconds / units : null,
    };

    public Figure WithCpu(LoadResult result) => WithCpu(result.MachineCpu, result.Units);

    public Figure AgainstCeiling(Figure? ceiling, string? target = null) => this with
    {
        Ceiling = ceiling?.Name,
        Ratio = ceiling is { Value: > 0 } && Value is { } value ? value / ceiling.Value.Value : null,
        Target = target,
    };

    public static Figure Unavailable(string scenario, string name, string reason) => new(scenario, name, null, "") { Status = reason };
}
