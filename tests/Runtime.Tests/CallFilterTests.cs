using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using O2C.Runtime.Tests.Support;
using O2C.Runtime.Tests.TestGrains;
using O2C.Tests.Support;

namespace O2C.Runtime.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class CallFilterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Incoming_call_filters_run_around_every_call_in_registration_order_and_may_replace_the_result()
    {
        var seen = new ConcurrentQueue<string>();
        await using var silo = await TestSilo.StartAsync(
            await postgres.CreateDatabaseAsync(),
            services: s => s
                .AddSingleton<IIncomingGrainCallFilter>(new RecordingFilter("outer", seen))
                .AddSingleton<IIncomingGrainCallFilter>(new RecordingFilter("inner", seen)));

        var result = await silo.Grains.GetGrain<ICounterGrain>("filtered").Increment();

        Assert.Equal(1001, result);
        Assert.Equal(["outer>ICounterGrain.Increment", "inner>ICounterGrain.Increment", "inner<1", "outer<1"], seen);
    }

    private sealed class RecordingFilter(string name, ConcurrentQueue<string> seen) : IIncomingGrainCallFilter
    {
        public async Task Invoke(IIncomingGrainCallContext context)
        {
            seen.Enqueue($"{name}>{context.InterfaceName}.{context.MethodName}");
            await context.Invoke();
            seen.Enqueue($"{name}<{context.Result}");
            if (name == "outer")
            {
                context.Result = (int)context.Result! + 1000;
            }
        }
    }
}
