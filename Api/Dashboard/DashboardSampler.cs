using Microsoft.Extensions.Hosting;

namespace O2C.Api.Dashboard;

/// <summary>
/// Once a wall second, snapshots this silo's <see cref="GrainCallCounter"/> (in memory, no I/O) into
/// the fixed-size <see cref="StatisticsHistory"/> the charts and window rates read.
/// </summary>
internal sealed class DashboardSampler(GrainCallCounter counter, StatisticsHistory history) : BackgroundService
{
    /// <summary>The grain method whose calls are "orders in" on the charts.</summary>
    public const string OrderGrainType = "customer";
    public const string OrderMethod = "PlaceOrder";

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        history.Add(counter.Snapshot(), OrderGrainType, OrderMethod);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                history.Add(counter.Snapshot(), OrderGrainType, OrderMethod);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
