using O2C.Clock;
using Microsoft.Extensions.Options;
using O2C.Runtime;
using O2C.Runtime.Membership;
using O2C.Runtime.Statistics;

namespace O2C.Api.Dashboard;

/// <summary>The handlers behind <c>/v1/dashboard/*</c>: pure reads of memory and cheap SQL.</summary>
internal static class DashboardEndpoints
{
    public static async Task<ClusterView> GetCluster(MembershipTable membership, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var silos = (await membership.ReadAllAsync(cancellationToken)).Select(s => new SiloView(
            s.SiloId, s.HostName, s.Address, StatusName(s.Status), s.StartedAt,
            Math.Round(Math.Max(0, ((s.DiedAt ?? now) - s.StartedAt).TotalSeconds), 1),
            Math.Round(s.CpuPercent, 1), s.MemoryBytes, s.Activations, s.LastHeartbeat, s.DiedAt)).ToList();
        return new ClusterView(
            now, silos.Count(s => s.Status == "alive"), silos.Count(s => s.Status == "dead"), silos.Count(s => s.Status == "stopped"),
            silos.Where(s => s.Status == "alive").Sum(s => s.Activations), silos);
    }

    public static GrainsView GetGrains(GrainStatistics statistics, StatisticsHistory history, SiloIdentity silo)
    {
        var now = statistics.Snapshot();
        var start = history.WindowStart();
        var elapsed = start is null ? TimeSpan.Zero : now.TakenAt - start.TakenAt;
        var before = start?.Methods.ToDictionary(m => (m.GrainType, m.Method)) ?? [];

        var methods = now.Methods.Select(m =>
        {
            var earlier = before.GetValueOrDefault((m.GrainType, m.Method));
            var latency = DashboardMath.Recent(m.Latency, earlier?.Latency);
            return new GrainMethodView(
                m.GrainType, m.Method, m.Calls, DashboardMath.Rate(m.Calls - (earlier?.Calls ?? 0), elapsed),
                DashboardMath.Milliseconds(latency.Quantile(0.5)), DashboardMath.Milliseconds(latency.Quantile(0.99)), m.Errors);
        }).ToList();

        var typeNames = now.Methods.Select(m => m.GrainType).Union(now.ActivationsByType.Keys).Order(StringComparer.Ordinal);
        var types = typeNames.Select(type =>
        {
            var own = now.Methods.Where(m => m.GrainType == type).ToList();
            var latency = DashboardMath.Recent(
                DashboardMath.Merge(own.Select(m => m.Latency)),
                start is null ? null : DashboardMath.Merge(start.Methods.Where(m => m.GrainType == type).Select(m => m.Latency)));
            var calls = own.Sum(m => m.Calls);
            var earlier = start?.Methods.Where(m => m.GrainType == type).Sum(m => m.Calls) ?? 0;
            return new GrainTypeView(
                type, now.ActivationsByType.GetValueOrDefault(type), calls, DashboardMath.Rate(calls - earlier, elapsed),
                DashboardMath.Milliseconds(latency.Quantile(0.5)), DashboardMath.Milliseconds(latency.Quantile(0.99)), own.Sum(m => m.Errors));
        }).ToList();

        var total = DashboardMath.TotalCalls(now);
        return new GrainsView(
            silo.SiloId, Math.Round(elapsed.TotalSeconds, 1), now.Activations, total,
            DashboardMath.Rate(total - (start is null ? 0 : DashboardMath.TotalCalls(start)), elapsed),
            methods.Sum(m => m.Errors), types, methods);
    }

    public static async Task<RemindersView> GetReminders(
        ReminderQuery query, GrainStatistics statistics, StatisticsHistory history, BusinessClock clock, IOptions<ReminderOptions> options,
        CancellationToken cancellationToken)
    {
        var businessNow = clock.GetUtcNow();
        var poll = options.Value.PollInterval;
        var table = await query.ReadAsync(businessNow, businessNow - (poll * clock.Speed), cancellationToken);
        var counters = statistics.Snapshot().Reminders;
        var minuteAgo = history.MinuteStart()?.Counters;
        var lag = DashboardMath.Recent(counters.DeliveryLag, minuteAgo?.DeliveryLag);
        return new RemindersView(
            businessNow, table.Registered, table.Estimated, table.DueNow, table.Overdue, table.Capped,
            counters.Delivered - (minuteAgo?.Delivered ?? 0), counters.Delivered, counters.Failed,
            WallMilliseconds(lag.Quantile(0.5), clock.Speed), WallMilliseconds(lag.Quantile(0.99), clock.Speed),
            lag.Count > 0 && lag.Quantile(0.99) >= LatencyHistogram.UpperBound(LatencyHistogram.BucketCount - 1),
            table.OldestDue is { } oldest && oldest < businessNow ? WallMilliseconds(businessNow - oldest, clock.Speed) : 0,
            poll.TotalMilliseconds);
    }

    public static Task<BusinessView> GetBusiness(BusinessQuery query, BusinessClock clock, CancellationToken cancellationToken) =>
        query.ReadAsync(clock.GetUtcNow(), cancellationToken);

    public static HistoryView GetHistory(StatisticsHistory history, long? since) =>
        new((int)DashboardSampler.Interval.TotalSeconds, StatisticsHistory.HistorySeconds, history.Points(since ?? 0));

    private static string StatusName(SiloStatus status) => status switch
    {
        SiloStatus.Active => "alive",
        SiloStatus.Dead => "dead",
        _ => "stopped",
    };

    // Reminder lag is measured in business time; an operator waits in wall time.
    private static double WallMilliseconds(TimeSpan businessLag, double speed) =>
        DashboardMath.Milliseconds(businessLag / Math.Max(speed, 1e-9));
}
