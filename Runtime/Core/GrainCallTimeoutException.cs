namespace O2C.Runtime;

/// <summary>A grain call did not complete within <see cref="GrainCallOptions.ResponseTimeout"/>.</summary>
public sealed class GrainCallTimeoutException(GrainId grain, string method, TimeSpan timeout)
    : TimeoutException($"Call {method} on grain {grain} did not complete within {timeout.TotalSeconds:0.###} s.")
{
    public GrainId Grain { get; } = grain;
    public string Method { get; } = method;
}
