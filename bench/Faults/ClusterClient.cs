using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using O2C.Bench.Load;

namespace O2C.Bench.Faults;

/// <summary>
/// The clients' view of the three silos, as a load balancer with health checks gives it: requests go
/// round robin to the silos whose <c>/health/live</c> answered within a second at the last check (every
/// half second); a silo that stops answering leaves the rotation, one that answers again rejoins.
/// Every request carries <c>X-Api-Key</c>.
/// </summary>
public sealed class ClusterClient : IAsyncDisposable
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Above Orleans' response timeout (30 s), so a grain call that timed out reaches the client as the silo's 503.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(35);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient[] _silos;
    private readonly bool[] _healthy;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _checking;
    private int _next;

    public ClusterClient(IReadOnlyList<Uri> silos, string apiKey, int connectionsPerSilo)
    {
        _silos = [.. silos.Select(address => Create(address, apiKey, connectionsPerSilo, RequestTimeout))];
        _healthy = [.. silos.Select(_ => true)];
        var probes = silos.Select(address => Create(address, apiKey, 2, TimeSpan.FromSeconds(1))).ToArray();
        _checking = Task.Run(() => CheckHealthAsync(probes, _stopping.Token));
    }

    public int Count => _silos.Length;

    /// <summary>The client of silo <paramref name="index"/>, in rotation or not (an advance sent to one chosen silo).</summary>
    public HttpClient Silo(int index) => _silos[index];

    /// <summary>The next silo in rotation; when none is healthy, the next one anyway.</summary>
    public HttpClient Next()
    {
        for (var i = 0; i < _silos.Length; i++)
        {
            var index = (int)((uint)Interlocked.Increment(ref _next) % _silos.Length);
            if (Volatile.Read(ref _healthy[index]))
            {
                return _silos[index];
            }
        }

        return _silos[(int)((uint)Interlocked.Increment(ref _next) % _silos.Length)];
    }

    /// <summary>Sends one JSON write to <paramref name="silo"/> and sorts how it ended; the body is returned for 2xx.</summary>
    public static async Task<(WriteOutcome Outcome, JsonDocument? Body, HttpStatusCode? Status)> SendAsync(
        HttpClient silo, HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(method, path) { Content = content };
        try
        {
            using var response = await silo.SendAsync(request, cancellationToken);
            var status = response.StatusCode;
            var outcome = (int)status switch
            {
                >= 200 and < 300 => WriteOutcome.Acknowledged,
                503 => response.Headers.RetryAfter is not null ? WriteOutcome.Unavailable : WriteOutcome.UnavailableWithoutRetryAfter,
                >= 500 => WriteOutcome.ServerError,
                408 or 429 => WriteOutcome.UnavailableWithoutRetryAfter,
                _ => WriteOutcome.Rejected,
            };
            var document = outcome == WriteOutcome.Acknowledged
                ? await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken)
                : null;
            return (outcome, document, status);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (WriteOutcome.TimedOut, null, null);
        }
        catch (HttpRequestException)
        {
            // No HTTP answer at all (refused, reset, closed mid-response): a status would have come back as one.
            return (WriteOutcome.NoAnswer, null, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _checking.ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var silo in _silos)
        {
            silo.Dispose();
        }

        _stopping.Dispose();
    }

    private async Task CheckHealthAsync(HttpClient[] probes, CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.WhenAll(probes.Select(async (probe, i) => Volatile.Write(ref _healthy[i], await IsLiveAsync(probe, stopping))));
                await Task.Delay(TimeSpan.FromMilliseconds(500), stopping);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            foreach (var probe in probes)
            {
                probe.Dispose();
            }
        }
    }

    private static async Task<bool> IsLiveAsync(HttpClient probe, CancellationToken stopping)
    {
        try
        {
            using var response = await probe.GetAsync(new Uri("/health/live", UriKind.Relative), stopping);
            return response.IsSuccessStatusCode;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Sends <paramref name="apiKey"/> instead of the bench's own key (a header sent twice is refused as no key).</summary>
    public static HttpClient WithKey(HttpClient client, string apiKey)
    {
        client.DefaultRequestHeaders.Remove(ApiKeyHeader);
        client.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        return client;
    }

    private static HttpClient Create(Uri address, string apiKey, int connections, TimeSpan timeout)
    {
        var client = BenchHttp.CreateClient(address, connections);
        client.Timeout = timeout;
        return WithKey(client, apiKey);
    }
}
