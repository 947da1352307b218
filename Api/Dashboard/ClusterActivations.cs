namespace O2C.Api.Dashboard;

/// <summary>Activations per grain type, summed over the <see cref="Silos"/> active silos that answered.</summary>
public sealed record ClusterActivations(int Silos, IReadOnlyDictionary<string, long> ByType);
