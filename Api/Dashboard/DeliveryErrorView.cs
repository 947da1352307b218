namespace O2C.Api.Dashboard;

/// <summary>A message's latest delivery error (the server's own words) and where the message is now.</summary>
public sealed record DeliveryErrorView(string MessageId, string Channel, string Status, int Attempts, string Error, DateTimeOffset At);
