namespace O2C.Api.Dashboard;

/// <summary>
/// <c>GET /v1/dashboard/reminders</c>. Table figures are cluster-wide; delivered, failed and lag are
/// this silo's. Lag is in wall milliseconds (business lag divided by the clock speed); the runtime's
/// histogram tops out at about 67 business seconds, so <see cref="LagCapped"/> says a quantile hit the top.
/// <see cref="OldestDueMs"/> is how long (wall) the oldest due reminder has waited: 0 when none is due.
/// </summary>
public sealed record RemindersView(
    DateTimeOffset BusinessNow,
    long Registered,
    bool RegisteredEstimated,
    long DueNow,
    long OverdueBacklog,
    bool CountsCapped,
    long DeliveredPerMinute,
    long Delivered,
    long Failed,
    double LagP50Ms,
    double LagP99Ms,
    bool LagCapped,
    double OldestDueMs,
    double PollIntervalMs);
