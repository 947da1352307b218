namespace O2C.Api.Dashboard;

/// <summary>One second of the charts. <see cref="P99Ms"/> is null in a second without calls.</summary>
/// <param name="T">End of the second, Unix milliseconds (wall time).</param>
public sealed record HistoryPoint(long T, double OrdersPerSecond, double CallsPerSecond, long RemindersPerMinute, double? P99Ms);
