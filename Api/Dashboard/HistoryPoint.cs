namespace O2C.Api.Dashboard;

/// <summary>One second of the charts. <see cref="P99Ms"/> is null in a second without calls.</summary>
/// <param name="T">End of the second, Unix milliseconds (wall time).</param>
/// <param name="Orders">Orders counted in this interval; a loaded machine can stretch an interval past a second, the rate then is per second of it.</param>
public sealed record HistoryPoint(long T, double OrdersPerSecond, double CallsPerSecond, long RemindersPerMinute, double? P99Ms, long Orders);
