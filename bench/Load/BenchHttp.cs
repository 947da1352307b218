namespace O2C.Bench.Load;

/// <summary>The one way the bench makes HTTP clients: a connection per concurrent client, no pooling surprises.</summary>
public static class BenchHttp
{
    public static HttpClient CreateClient(Uri baseAddress, int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, connections),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            UseProxy = false,
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(30),
        };
}
