using System.Diagnostics;
using O2C.Bench.Hosting;
using O2C.Bench.Load;

namespace O2C.Bench.Scenarios;

/// <summary>
/// Samples the silo every second: its RSS (from /proc) and its activation count (the cluster's, from
/// <c>GET /v1/dashboard/cluster</c>, which asks Orleans' management grain).
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly SiloProcess _silo;
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http;
    private readonly Task _loop;
    private Sample _peak = new(0, 0);
    private long _peakResident;

    public MemorySampler(SiloProcess silo)
    {
        _silo = silo;
        _http = BenchHttp.WithKey(new HttpClient { BaseAddress = silo.Address, Timeout = TimeSpan.FromSeconds(10) });
        _loop = Task.Run(LoopAsync);
    }

    public sealed record Sample(long Activations, long Resident);

    /// <summary>The sample with the most activations, and the RSS at that moment.</summary>
    public Sample Peak => _peak;

    public long PeakResident => Interlocked.Read(ref _peakResident);

    public async Task<Sample> TakeAsync()
    {
        using var cluster = System.Text.Json.JsonDocument.Parse(await _http.GetStringAsync("/v1/dashboard/cluster"));
        var activations = cluster.RootElement.GetProperty("activations").GetInt64();
        return new Sample(activations, _silo.ResidentBytes() ?? 0);
    }

    /// <summary>Counts a sample towards the peaks.</summary>
    public void Observe(Sample sample)
    {
        lock (_stop)
        {
            if (sample.Activations > _peak.Activations)
            {
                _peak = sample;
            }

            if (sample.Resident > _peakResident)
            {
                _peakResident = sample.Resident;
            }
        }
    }

    /// <summary>Waits until the activations fell to at most 1% of the peak (idle collection), or the timeout.</summary>
    public async Task<Sample> WaitForCollectionAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var sample = await TakeAsync();
            if (sample.Activations <= _peak.Activations / 100 || Stopwatch.GetElapsedTime(started) > timeout)
            {
                return sample;
            }

            await Task.Delay(1000, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _http.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                Observe(await TakeAsync());
                await Task.Delay(1000, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Npgsql.NpgsqlException)
            {
                // A missed sample is not worth stopping the scenario for.
            }
        }
    }
}
