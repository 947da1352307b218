using O2C.Bench.Load;

namespace O2C.Bench.Tests;

public sealed class LoadGeneratorTests
{
    [Fact]
    public async Task A_closed_loop_sends_exactly_the_requests_asked_for()
    {
        var result = await LoadGenerator.RunAsync(LoadShape.Closed(8, requests: 100), async (_, token) =>
        {
            await Task.Yield();
            return 3;
        });

        Assert.Equal(100, result.Requests);
        Assert.Equal(300, result.Units);
        Assert.Equal(0, result.Errors);
    }

    [Fact]
    public async Task An_open_loop_counts_latency_from_the_intended_send_time()
    {
        // 100 req/s against a server that answers each request after 50 ms, one at a time: requests queue,
        // and the later ones are charged for the wait (no coordinated omission).
        using var gate = new SemaphoreSlim(1, 1);
        var result = await LoadGenerator.RunAsync(new LoadShape(1, 100, 20, null), async (_, token) =>
        {
            await gate.WaitAsync(token);
            try
            {
                await Task.Delay(50, token);
                return 1;
            }
            finally
            {
                gate.Release();
            }
        });

        Assert.Equal(20, result.Requests);
        Assert.True(result.Latency.Max > TimeSpan.FromMilliseconds(500), $"max latency {result.Latency.Max}");
    }

    [Fact]
    public async Task A_missing_endpoint_stops_the_run_and_says_so()
    {
        var error = await Assert.ThrowsAsync<EndpointNotAvailableException>(() =>
            LoadGenerator.RunAsync(LoadShape.Closed(4, requests: 1000), (_, _) => throw new EndpointNotAvailableException("POST /v1/orders", 404)));
        Assert.Equal("endpoint not available: POST /v1/orders (HTTP 404, no route)", error.Message);
    }
}
