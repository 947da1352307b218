namespace O2C.Runtime;

public sealed class GrainCallOptions
{
    /// <summary>How long a call may wait (queued plus running) before it fails. Orleans' ResponseTimeout.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
