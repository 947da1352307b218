using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using O2C.Runtime.Activation;

namespace O2C.Runtime.Membership;

/// <summary>Registers this silo, heartbeats with its load figures, and marks silent silos dead.</summary>
internal sealed partial class MembershipService(
    MembershipTable table,
    SiloIdentity silo,
    GrainRuntime runtime,
    IServiceProvider services,
    IOptions<ClusterMembershipOptions> options,
    ILogger<MembershipService> logger) : BackgroundService
{
    private TimeSpan _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private long _lastSample = Stopwatch.GetTimestamp();

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await HeartbeatAsync(cancellationToken);
        LogJoined(logger, silo.SiloId);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await table.MarkStoppedAsync(silo, cancellationToken);
        }
        catch (Exception error)
        {
            LogHeartbeatFailed(logger, error);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await HeartbeatAsync(stoppingToken);
                    await table.MarkDeadAsync(options.Value.DeathTimeout, stoppingToken);
                }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
                {
                    LogHeartbeatFailed(logger, error);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var elapsed = Stopwatch.GetElapsedTime(_lastSample);
        var cpuPercent = elapsed > TimeSpan.Zero ? 100 * (cpu - _lastCpu) / elapsed / Environment.ProcessorCount : 0;
        _lastCpu = cpu;
        _lastSample = Stopwatch.GetTimestamp();
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return table.HeartbeatAsync(silo, address, Math.Round(cpuPercent, 1), process.WorkingSet64, runtime.Catalog.Count, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloId} joined the cluster")]
    private static partial void LogJoined(ILogger logger, string siloId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Membership heartbeat failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception error);
}
