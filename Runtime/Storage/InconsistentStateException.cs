namespace O2C.Runtime;

/// <summary>
/// A state write found a different version than the one this activation read: another
/// activation (on this or another silo) wrote first. The runtime discards the activation and
/// retries the call once on freshly read state.
/// </summary>
public sealed class InconsistentStateException(GrainId grain, string stateName, string? expectedEtag)
    : Exception($"State '{stateName}' of grain {grain} was changed by someone else (expected version {expectedEtag ?? "none"}).")
{
    public GrainId Grain { get; } = grain;
    public string StateName { get; } = stateName;
    public string? ExpectedEtag { get; } = expectedEtag;
}
