namespace O2C.Api.Dashboard;

/// <summary>A grain method on this silo: calls and errors since start, rate and latency over the window.</summary>
public sealed record GrainMethodView(string GrainType, string Method, long Calls, double CallsPerSecond, double P50Ms, double P99Ms, long Errors);
