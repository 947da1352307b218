using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace O2C.Runtime.Activation;

/// <summary>Collects idle activations so memory stays bounded however many grains were touched.</summary>
internal sealed partial class ActivationCollector(
    GrainRuntime runtime,
    IOptions<GrainCollectionOptions> options,
    ILogger<ActivationCollector> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await runtime.Catalog.DeactivateAllAsync();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CollectionQuantum);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var collected = await runtime.Catalog.CollectIdleAsync(options.Value.CollectionAge);
                if (collected > 0)
                {
                    LogCollected(logger, collected, runtime.Catalog.Count);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Collected {Collected} idle activations; {Remaining} remain")]
    private static partial void LogCollected(ILogger logger, int collected, int remaining);
}
