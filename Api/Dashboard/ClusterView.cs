namespace O2C.Api.Dashboard;

/// <summary><c>GET /v1/dashboard/cluster</c>.</summary>
public sealed record ClusterView(DateTimeOffset Now, int Alive, int Dead, int Stopped, long Activations, IReadOnlyList<SiloView> Silos);
