namespace O2C.Bench.Load;

/// <summary>The silo does not serve an endpoint a scenario needs (no route: 404 or 405 without a problem body).</summary>
public sealed class EndpointNotAvailableException(string endpoint, int statusCode)
    : Exception($"endpoint not available: {endpoint} (HTTP {statusCode}, no route)")
{
    public string Endpoint { get; } = endpoint;
}
