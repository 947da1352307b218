using O2C.Runtime.Tests.Support;
using O2C.Runtime.Tests.TestGrains;
using O2C.Tests.Support;

namespace O2C.Runtime.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class LifecycleTests(PostgresFixture postgres)
{
    [Fact]
    public async Task OnActivateAsync_runs_before_the_first_call_and_DeactivateOnIdle_ends_the_activation()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        var grain = silo.Grains.GetGrain<ICounterGrain>("life");

        Assert.Equal(1, await grain.Activations());
        await grain.Deactivate();
        Assert.Equal(["activate", "deactivate:ApplicationRequested"], silo.Services.GetLifecycle().For("life"));

        // The next call gets a new activation: the in-memory counter starts over.
        Assert.Equal(1, await grain.Activations());
        Assert.Equal(["activate", "deactivate:ApplicationRequested", "activate"], silo.Services.GetLifecycle().For("life"));
    }

    [Fact]
    public async Task Idle_activations_are_collected_so_memory_stays_bounded()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        var touched = Enumerable.Range(0, 2_000).Select(i => silo.Grains.GetGrain<IGateGrain>($"g{i}"));
        var gates = silo.Services.GetGates();
        gates.Open("open");
        await Task.WhenAll(touched.Select(g => g.Pass("ignored", "open")));
        Assert.Equal(2_000, silo.Activations.ActivationCount);

        var collected = await silo.Activations.CollectIdleAsync(TimeSpan.Zero);

        Assert.Equal(2_000, collected);
        Assert.Equal(0, silo.Activations.ActivationCount);
    }

    [Fact]
    public async Task The_collector_deactivates_after_the_configured_idle_time()
    {
        await using var silo = await TestSilo.StartAsync(
            await postgres.CreateDatabaseAsync(),
            settings: new Dictionary<string, string?>
            {
                ["O2C:Grains:CollectionAge"] = "00:00:00.2",
                ["O2C:Grains:CollectionQuantum"] = "00:00:00.1",
            });
        await silo.Grains.GetGrain<ICounterGrain>("idle").Increment();

        var lifecycle = silo.Services.GetLifecycle();
        for (var i = 0; i < 100 && !lifecycle.For("idle").Contains("deactivate:IdleCollection"); i++)
        {
            await Task.Delay(50);
        }

        Assert.Contains("deactivate:IdleCollection", lifecycle.For("idle"));
        Assert.Equal(0, silo.Activations.ActivationCount);
    }
}
