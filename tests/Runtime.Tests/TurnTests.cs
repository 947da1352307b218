using O2C.Runtime.Tests.Support;
using O2C.Runtime.Tests.TestGrains;
using O2C.Tests.Support;

namespace O2C.Runtime.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class TurnTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Calls_to_one_grain_queue_and_never_interleave()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        var gates = silo.Services.GetGates();
        var grain = silo.Grains.GetGrain<IGateGrain>("one");

        var first = grain.Pass("first-in", "first-out");
        await gates.WhenOpen("first-in");
        var second = grain.Pass("second-in", "second-out");

        // The second call must wait for the first turn to end, however long that takes.
        Assert.False(await CompletesAsync(gates.WhenOpen("second-in")), "second call entered while the first turn was still running");
        gates.Open("first-out");
        await gates.WhenOpen("second-in");
        gates.Open("second-out");
        Assert.Equal(1, await first);
        Assert.Equal(1, await second);
        Assert.Equal(1, gates.MaxInside);
    }

    [Fact]
    public async Task Calls_to_different_grains_run_in_parallel()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        var gates = silo.Services.GetGates();

        // Each call waits for the other to have entered: only parallel turns can finish.
        var a = silo.Grains.GetGrain<IGateGrain>("a").Pass("a-in", "b-in");
        var b = silo.Grains.GetGrain<IGateGrain>("b").Pass("b-in", "a-in");
        await Task.WhenAll(a, b).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, gates.MaxInside);
    }

    [Fact]
    public async Task A_call_that_waits_past_the_response_timeout_fails_instead_of_hanging()
    {
        await using var silo = await TestSilo.StartAsync(
            await postgres.CreateDatabaseAsync(),
            settings: new Dictionary<string, string?> { ["O2C:Grains:ResponseTimeout"] = "00:00:00.3" });
        var gates = silo.Services.GetGates();
        var grain = silo.Grains.GetGrain<IGateGrain>("stuck");

        var running = grain.Pass("stuck-in", "never");
        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => running);
        Assert.Equal("Pass", error.Method);
        Assert.Equal(new GrainId("gate", "stuck"), error.Grain);

        // A queued call behind the stuck turn times out as well.
        var queued = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => grain.Pass("queued-in", "never"));
        Assert.False(gates.IsOpen("queued-in"));
        gates.Open("never");
    }

    private static async Task<bool> CompletesAsync(Task task)
    {
        // Give a wrongly scheduled call every chance to run: yield the thread pool many times.
        for (var i = 0; i < 200 && !task.IsCompleted; i++)
        {
            await Task.Yield();
            await Task.Delay(1);
        }

        return task.IsCompleted;
    }
}
