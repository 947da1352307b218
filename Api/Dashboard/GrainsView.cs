namespace O2C.Api.Dashboard;

/// <summary>
/// <c>GET /v1/dashboard/grains</c>. Two scopes: activations are cluster-wide (summed over
/// <see cref="ActiveSilos"/> silos by the management grain); calls, rates, latency and errors are
/// those silo <see cref="SiloId"/> (the one answering) handled.
/// </summary>
public sealed record GrainsView(
    string SiloId,
    int ActiveSilos,
    double WindowSeconds,
    long Activations,
    long Calls,
    double CallsPerSecond,
    long Errors,
    IReadOnlyList<GrainTypeView> Types,
    IReadOnlyList<GrainMethodView> Methods);
