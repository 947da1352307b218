using O2C.Bench.Hosting;
using O2C.Bench.Load;

namespace O2C.Bench.Ceilings;

/// <summary>H-JSON: GET of a small JSON body from <see cref="JsonEndpointHost"/> by 64 closed-loop clients.</summary>
public static class HttpCeiling
{
    public const int Clients = 64;

    public static async Task<LoadResult> MeasureAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var host = await JsonEndpointHost.StartAsync(cancellationToken);
        using var client = BenchHttp.CreateClient(host.Address, Clients);
        var warmUp = await LoadGenerator.RunAsync(LoadShape.Closed(Clients, requests: Clients * 20), GetAsync, cancellationToken);
        if (warmUp.Errors > 0)
        {
            throw new InvalidOperationException($"H-JSON warm-up failed: {warmUp.FirstError}");
        }

        return await LoadGenerator.RunAsync(LoadShape.Closed(Clients, duration: duration), GetAsync, cancellationToken);

        async Task<int> GetAsync(long sequence, CancellationToken token)
        {
            using var response = await client.GetAsync(new Uri("/json", UriKind.Relative), token);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(token);
            return 1;
        }
    }
}
