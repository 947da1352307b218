namespace O2C.Api.Dashboard;

/// <summary>
/// <c>GET /v1/dashboard/reminders</c>. Table figures (registered, due, backlog, oldest) are
/// cluster-wide: Orleans' reminder table for <see cref="ServiceId"/>. Delivered, failed and lag are
/// the ticks silo <see cref="SiloId"/> handled (every silo counts its own). Lag is in wall
/// milliseconds (business lag divided by the clock speed); <see cref="LagCapped"/> says a quantile
/// hit the histogram's top (about 18 minutes). <see cref="OldestDueMs"/> is how long (wall) the
/// oldest due reminder has waited: 0 when none is due.
/// </summary>
public sealed record RemindersView(
    DateTimeOffset BusinessNow,
    string ServiceId,
    string SiloId,
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
    double OldestDueMs);
