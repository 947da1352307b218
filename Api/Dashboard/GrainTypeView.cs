namespace O2C.Api.Dashboard;

/// <summary>
/// A grain type: its activations across the cluster; calls and errors on this silo since it
/// started, rate and latency over the window.
/// </summary>
public sealed record GrainTypeView(string GrainType, long Activations, long Calls, double CallsPerSecond, double P50Ms, double P99Ms, long Errors);
