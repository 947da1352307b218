namespace O2C.Bench.Load;

/// <summary>The one way the bench makes HTTP clients: a connection per concurrent client, no pooling surprises.</summary>
public static class BenchHttp
{
    /// <summary>
    /// The admin key the bench's silos are started with (<c>O2C__Auth__AdminKey</c>) and its clients send;
    /// <c>O2C_BENCH_API_KEY</c> replaces it (a silo the bench did not start).
    /// </summary>
    public static readonly string ApiKey = Environment.GetEnvironmentVariable("O2C_BENCH_API_KEY") is { Length: > 0 } key ? key : "o2c_bench-admin-key-not-a-secret";

    public static HttpClient CreateClient(Uri baseAddress, int connections) => WithKey(
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
        });

    /// <summary>Sends <see cref="ApiKey"/> as X-Api-Key on every request of <paramref name="client"/>.</summary>
    public static HttpClient WithKey(HttpClient client)
    {
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }
}
