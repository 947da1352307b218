namespace O2C.Api.Dashboard;

/// <summary><c>GET /v1/dashboard/grains</c>: this silo's grain statistics.</summary>
public sealed record GrainsView(
    string SiloId,
    double WindowSeconds,
    long Activations,
    long Calls,
    double CallsPerSecond,
    long Errors,
    IReadOnlyList<GrainTypeView> Types,
    IReadOnlyList<GrainMethodView> Methods);
