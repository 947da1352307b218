namespace O2C.Api.Dashboard;

/// <summary>
/// One channel's messages: <see cref="Queued"/> and <see cref="Sending"/> as they are now;
/// <see cref="Sent"/>, <see cref="Failed"/> and <see cref="Cancelled"/> settled in the last business
/// day; the oldest queued message's age in business seconds (null when none waits).
/// </summary>
public sealed record ChannelDeliveryView(string Channel, long Queued, long Sending, long Sent, long Failed, long Cancelled, double? OldestQueuedSeconds);
