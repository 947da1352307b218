namespace O2C.Api.Dashboard;

/// <summary>Pure arithmetic over <see cref="CallStatistics"/> snapshots: differences, rates, merged quantiles.</summary>
public static class DashboardMath
{
    public static HistoryPoint Point(
        CallStatistics? previous, CallStatistics current, ReminderTicks? minuteAgo, string orderGrainType, string orderMethod)
    {
        var seconds = previous is null ? 1 : Math.Max((current.TakenAt - previous.TakenAt).TotalSeconds, 0.001);
        var orders = Calls(current, orderGrainType, orderMethod) - (previous is null ? 0 : Calls(previous, orderGrainType, orderMethod));
        var calls = TotalCalls(current) - (previous is null ? 0 : TotalCalls(previous));
        var latency = Merge(current.Methods.Select(m => m.Latency));
        if (previous is not null)
        {
            latency = latency.Minus(Merge(previous.Methods.Select(m => m.Latency)));
        }

        return new HistoryPoint(
            current.TakenAt.ToUnixTimeMilliseconds(),
            Math.Round(orders / seconds, 2),
            Math.Round(calls / seconds, 2),
            current.Reminders.Delivered - (minuteAgo?.Delivered ?? 0),
            latency.Count == 0 ? null : Milliseconds(latency.Quantile(0.99)),
            orders);
    }

    public static long Calls(CallStatistics snapshot, string grainType, string method) =>
        snapshot.Methods.Where(m => m.GrainType == grainType && m.Method == method).Sum(m => m.Calls);

    public static long TotalCalls(CallStatistics snapshot) => snapshot.Methods.Sum(m => m.Calls);

    /// <summary>The sum of histograms (empty when there are none).</summary>
    public static LatencySnapshot Merge(IEnumerable<LatencySnapshot> histograms)
    {
        var counts = new long[LatencyHistogram.BucketCount];
        long ticks = 0;
        foreach (var histogram in histograms)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] += histogram.Counts[i];
            }

            ticks += histogram.TotalTicks;
        }

        return new LatencySnapshot(counts, ticks);
    }

    /// <summary>Calls of a window, or lifetime when the window is empty: the latency shown is of recent calls when there are any.</summary>
    public static LatencySnapshot Recent(LatencySnapshot now, LatencySnapshot? windowStart)
    {
        if (windowStart is null)
        {
            return now;
        }

        var window = now.Minus(windowStart);
        return window.Count > 0 ? window : now;
    }

    public static double Milliseconds(TimeSpan value) => Math.Round(value.TotalMilliseconds, 3);

    public static double Rate(long count, TimeSpan elapsed) =>
        elapsed <= TimeSpan.Zero ? 0 : Math.Round(count / elapsed.TotalSeconds, 2);
}
