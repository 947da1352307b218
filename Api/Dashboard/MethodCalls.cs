namespace O2C.Api.Dashboard;

/// <summary>Calls of one grain method on this silo since it started, as <see cref="GrainCallCounter"/> counted them.</summary>
public sealed record MethodCalls(string GrainType, string Method, long Calls, long Errors, LatencySnapshot Latency);
