using System.Diagnostics;
using System.Net;
using O2C.Bench.Load;

namespace O2C.Bench.Scenarios;

/// <summary>
/// Polls the dashboard endpoints every second, all five at once, as an operator's open browser does,
/// so an ingest figure can be compared with and without someone watching.
/// </summary>
public sealed class DashboardWatcher : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Paths =
        ["/v1/dashboard/cluster", "/v1/dashboard/grains", "/v1/dashboard/reminders", "/v1/dashboard/business", "/v1/dashboard/history"];

    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly LatencyHistogram _latency = new();
    private readonly HashSet<string> _missing = [];
    private readonly Task _loop;
    private long _polls;
    private long _errors;

    public DashboardWatcher(Uri silo)
    {
        _client = BenchHttp.CreateClient(silo, Paths.Count);
        _loop = Task.Run(LoopAsync);
    }

    public async Task<string> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        var latency = _latency.Summarize();
        return $"dashboard watched: {_polls} polls of {Paths.Count} endpoints, p50 {latency.P50.TotalMilliseconds:0.0} ms, p99 {latency.P99.TotalMilliseconds:0.0} ms, "
            + $"{_errors} errors{(_missing.Count > 0 ? $", endpoint not available: {string.Join(", ", _missing)}" : "")}";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _client.Dispose();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                Interlocked.Increment(ref _polls);
                await Task.WhenAll(Paths.Select(GetAsync));
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task GetAsync(string path)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _client.GetAsync(new Uri(path, UriKind.Relative), _stop.Token);
            await response.Content.ReadAsByteArrayAsync(_stop.Token);
            _latency.Record(Stopwatch.GetElapsedTime(started));
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                lock (_missing)
                {
                    _missing.Add(path);
                }
            }
            else if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _errors);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _errors);
        }
    }
}
