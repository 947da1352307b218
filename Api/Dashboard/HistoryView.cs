namespace O2C.Api.Dashboard;

/// <summary><c>GET /v1/dashboard/history?since=</c>: per-second chart points newer than <c>since</c> (Unix ms).</summary>
public sealed record HistoryView(int IntervalSeconds, int CapacitySeconds, IReadOnlyList<HistoryPoint> Points);
