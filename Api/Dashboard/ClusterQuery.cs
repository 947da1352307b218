using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace O2C.Api.Dashboard;

/// <summary>
/// The cluster panel from the management grain: every silo Orleans' membership table knows (active,
/// joining, stopping and dead), and for each active one its latest runtime statistics, asked of
/// that silo. A silo that does not answer keeps its row, without figures.
/// </summary>
public sealed class ClusterQuery(IGrainFactory grains, ILocalSiloDetails localSilo, IOptions<ClusterOptions> cluster)
{
    public async Task<ClusterView> ReadAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false);
        var active = hosts.Where(h => h.Status == SiloStatus.Active).Select(h => h.SiloAddress).ToList();
        var statistics = await Task.WhenAll(active.Select(address => StatisticsOf(management, address)));
        var bySilo = active.Zip(statistics).Where(p => p.Second is not null).ToDictionary(p => p.First, p => p.Second!);

        var silos = hosts
            .OrderBy(h => StatusOrder(h.Status)).ThenByDescending(h => h.StartTime)
            .Select(h => SiloOf(h, bySilo.GetValueOrDefault(h.SiloAddress), now))
            .ToList();
        return new ClusterView(
            now, cluster.Value.ClusterId,
            silos.Count(s => s.Status == "alive"), silos.Count(s => s.Status == "joining"),
            silos.Count(s => s.Status == "stopping"), silos.Count(s => s.Status == "dead"),
            silos.Sum(s => s.Activations ?? 0), silos);
    }

    public static string StatusName(SiloStatus status) => status switch
    {
        SiloStatus.Active => "alive",
        SiloStatus.Dead => "dead",
        SiloStatus.ShuttingDown or SiloStatus.Stopping => "stopping",
        _ => "joining",
    };

    private SiloView SiloOf(MembershipEntry entry, SiloRuntimeStatistics? statistics, DateTimeOffset now)
    {
        var status = StatusName(entry.Status);
        var started = Utc(entry.StartTime);
        var lastAlive = Utc(entry.IAmAliveTime);
        // Orleans records no time of death: a dead silo's last "I am alive" is the closest to it.
        DateTimeOffset? died = status == "dead" ? lastAlive : null;
        return new SiloView(
            entry.SiloName, entry.HostName, entry.SiloAddress.ToString(), status, started,
            Math.Round(Math.Max(0, ((died ?? now) - started).TotalSeconds), 1),
            statistics is null ? null : Math.Round(statistics.EnvironmentStatistics.FilteredCpuUsagePercentage, 1),
            statistics?.EnvironmentStatistics.FilteredMemoryUsageBytes,
            statistics?.ActivationCount,
            lastAlive, died, entry.SiloAddress.Equals(localSilo.SiloAddress));
    }

    private static async Task<SiloRuntimeStatistics?> StatisticsOf(IManagementGrain management, SiloAddress address)
    {
        try
        {
            return (await management.GetRuntimeStatistics([address])).SingleOrDefault();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static int StatusOrder(SiloStatus status) => status switch
    {
        SiloStatus.Active => 0,
        SiloStatus.Dead => 2,
        _ => 1,
    };

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
