using O2C.Runtime.Tests.Support;
using O2C.Runtime.Tests.TestGrains;
using O2C.Tests.Support;
using Xunit.Abstractions;

namespace O2C.Runtime.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class MemoryTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task An_idle_activation_costs_the_runtime_less_than_two_kilobytes_and_collection_gives_it_back()
    {
        const int grains = 20_000;
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        var gates = silo.Services.GetGates();
        gates.Open("open");
        await silo.Grains.GetGrain<IGateGrain>("warm-up").Pass("x", "open");
        await silo.Activations.CollectIdleAsync(TimeSpan.Zero);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < grains; i += 1000)
        {
            await Task.WhenAll(Enumerable.Range(i, 1000).Select(k => silo.Grains.GetGrain<IGateGrain>($"m{k}").Pass("x", "open")));
        }

        var active = GC.GetTotalMemory(forceFullCollection: true);
        await silo.Activations.CollectIdleAsync(TimeSpan.Zero);
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var perGrain = (active - before) / (double)grains;
        output.WriteLine($"{perGrain:0} bytes per activation (runtime + an empty grain); {(after - before) / 1024.0:0} KiB left after collection");
        Assert.Equal(0, silo.Activations.ActivationCount);
        Assert.True(perGrain < 2048, $"{perGrain:0} bytes per activation");
        Assert.True(after - before < grains * 64L, $"{after - before} bytes stayed after collecting {grains} activations");
    }
}
