using O2C.Clock;
using Orleans.Runtime;

namespace O2C.Api.Dashboard;

/// <summary>
/// The handlers behind <c>/v1/dashboard/*</c>: reads of this silo's memory, the management grain
/// (which asks every active silo) and cheap SQL.
/// </summary>
internal static class DashboardEndpoints
{
    public static Task<ClusterView> GetCluster(ClusterQuery query) => query.ReadAsync();

    public static async Task<GrainsView> GetGrains(
        GrainCallCounter counter, StatisticsHistory history, ActivationQuery activations, ILocalSiloDetails silo)
    {
        var cluster = await activations.ReadAsync();
        var now = counter.Snapshot();
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

        var typeNames = now.Methods.Select(m => m.GrainType).Union(cluster.ByType.Keys).Order(StringComparer.Ordinal);
        var types = typeNames.Select(type =>
        {
            var own = now.Methods.Where(m => m.GrainType == type).ToList();
            var latency = DashboardMath.Recent(
                DashboardMath.Merge(own.Select(m => m.Latency)),
                start is null ? null : DashboardMath.Merge(start.Methods.Where(m => m.GrainType == type).Select(m => m.Latency)));
            var calls = own.Sum(m => m.Calls);
            var earlier = start?.Methods.Where(m => m.GrainType == type).Sum(m => m.Calls) ?? 0;
            return new GrainTypeView(
                type, cluster.ByType.GetValueOrDefault(type), calls, DashboardMath.Rate(calls - earlier, elapsed),
                DashboardMath.Milliseconds(latency.Quantile(0.5)), DashboardMath.Milliseconds(latency.Quantile(0.99)), own.Sum(m => m.Errors));
        }).ToList();

        var total = DashboardMath.TotalCalls(now);
        return new GrainsView(
            silo.Name, cluster.Silos, Math.Round(elapsed.TotalSeconds, 1), cluster.ByType.Values.Sum(), total,
            DashboardMath.Rate(total - (start is null ? 0 : DashboardMath.TotalCalls(start)), elapsed),
            methods.Sum(m => m.Errors), types, methods);
    }

    public static async Task<RemindersView> GetReminders(
        ReminderQuery query, GrainCallCounter counter, StatisticsHistory history, BusinessClock clock, ILocalSiloDetails silo,
        CancellationToken cancellationToken)
    {
        var businessNow = clock.GetUtcNow();
        var table = await query.ReadAsync(businessNow, cancellationToken);
        var ticks = counter.Snapshot().Reminders;
        var minuteAgo = history.MinuteStart()?.Counters;
        var lag = DashboardMath.Recent(ticks.Lag, minuteAgo?.Lag);
        return new RemindersView(
            businessNow, query.ServiceId, silo.Name, table.Registered, table.Estimated, table.DueNow, table.Overdue, table.Capped,
            ticks.Delivered - (minuteAgo?.Delivered ?? 0), ticks.Delivered, ticks.Failed,
            WallMilliseconds(lag.Quantile(0.5), clock.Speed), WallMilliseconds(lag.Quantile(0.99), clock.Speed),
            lag.Count > 0 && lag.Quantile(0.99) >= LatencyHistogram.UpperBound(LatencyHistogram.BucketCount - 1),
            table.OldestDue is { } oldest && oldest < businessNow ? WallMilliseconds(businessNow - oldest, clock.Speed) : 0);
    }

    public static Task<BusinessView> GetBusiness(BusinessQuery query, BusinessClock clock, CancellationToken cancellationToken) =>
        query.ReadAsync(clock.GetUtcNow(), cancellationToken);

    public static HistoryView GetHistory(StatisticsHistory history, long? since) =>
        new((int)DashboardSampler.Interval.TotalSeconds, StatisticsHistory.HistorySeconds, history.Points(since ?? 0));

    // Reminder lag is measured in business time; an operator waits in wall time.
    private static double WallMilliseconds(TimeSpan businessLag, double speed) =>
        DashboardMath.Milliseconds(businessLag / Math.Max(speed, 1e-9));
}
