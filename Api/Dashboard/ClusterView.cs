namespace O2C.Api.Dashboard;

/// <summary>
/// <c>GET /v1/dashboard/cluster</c>: every silo of Orleans' membership for <see cref="ClusterId"/>,
/// cluster-wide. <see cref="Activations"/> sums the active silos that answered.
/// </summary>
public sealed record ClusterView(
    DateTimeOffset Now,
    string ClusterId,
    int Alive,
    int Joining,
    int Stopping,
    int Dead,
    long Activations,
    IReadOnlyList<SiloView> Silos);
