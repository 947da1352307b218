namespace O2C.Api.Dashboard;

/// <summary><c>GET /v1/dashboard/delivery</c>: cluster-wide, from the messages table; every channel, also an idle one.</summary>
public sealed record DeliveryView(
    DateTimeOffset BusinessNow,
    IReadOnlyList<ChannelDeliveryView> Channels,
    IReadOnlyList<DeliveryErrorView> LastErrors);
