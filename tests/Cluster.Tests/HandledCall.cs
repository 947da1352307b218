namespace O2C.Cluster.Tests;

/// <summary>One grain call as the silo that handled it saw it.</summary>
public sealed record HandledCall(GrainId Grain, ActivationId Activation, SiloAddress? Silo, string Method);
