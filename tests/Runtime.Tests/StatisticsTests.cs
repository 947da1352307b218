using Microsoft.Extensions.DependencyInjection;
using O2C.Runtime.Statistics;
using O2C.Runtime.Tests.Support;
using O2C.Runtime.Tests.TestGrains;
using O2C.Tests.Support;

namespace O2C.Runtime.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class StatisticsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Calls_errors_latency_activations_and_reminders_are_counted()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        for (var i = 0; i < 10; i++)
        {
            await silo.Grains.GetGrain<ICounterGrain>($"s{i}").Increment();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Grains.GetGrain<ICounterGrain>("s0").Fail());
        await silo.Grains.GetGrain<IAlarmGrain>("a").SetOnce("x", TestSilo.Epoch.AddDays(1));
        await silo.Reminders.AdvanceClockAsync(TestSilo.Epoch.AddDays(2));

        var snapshot = silo.Services.GetRequiredService<GrainStatistics>().Snapshot();

        var increment = snapshot.Methods.Single(m => m is { GrainType: "counter", Method: "Increment" });
        Assert.Equal(10, increment.Calls);
        Assert.Equal(0, increment.Errors);
        Assert.True(increment.P99Milliseconds >= increment.P50Milliseconds && increment.P50Milliseconds > 0);
        Assert.Equal(1, snapshot.Methods.Single(m => m is { GrainType: "counter", Method: "Fail" }).Errors);
        Assert.Equal(10, snapshot.ActivationsByType["counter"]);
        Assert.Equal(1, snapshot.Reminders.Registered);
        Assert.Equal(1, snapshot.Reminders.Delivered);
        Assert.Equal(1, snapshot.Methods.Single(m => m is { GrainType: "alarm", Method: "ReceiveReminder" }).Calls);
    }

    [Fact]
    public void The_histogram_reads_quantiles_to_within_a_bucket()
    {
        var histogram = new LatencyHistogram();
        for (var i = 1; i <= 1000; i++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(i));
        }

        var snapshot = histogram.Snapshot();
        Assert.Equal(1000, snapshot.Count);
        Assert.InRange(snapshot.Quantile(0.5).TotalMilliseconds, 500, 500 * 1.19);
        Assert.InRange(snapshot.Quantile(0.99).TotalMilliseconds, 990, 990 * 1.19);
        Assert.InRange(snapshot.Mean.TotalMilliseconds, 500, 501);
    }

    [Fact]
    public void Snapshots_subtract_to_the_calls_in_between()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromSeconds(2));
        var before = histogram.Snapshot();
        histogram.Record(TimeSpan.FromMilliseconds(1));
        histogram.Record(TimeSpan.FromMilliseconds(1));

        var window = histogram.Snapshot().Minus(before);

        Assert.Equal(2, window.Count);
        Assert.True(window.Quantile(0.99) < TimeSpan.FromMilliseconds(2));
    }
}
