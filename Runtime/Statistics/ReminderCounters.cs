namespace O2C.Runtime.Statistics;

/// <summary>Reminder traffic of this silo since start.</summary>
public sealed record ReminderCounters(long Registered, long Claimed, long Delivered, long Failed, LatencySnapshot DeliveryLag);
