namespace O2C.Delivery.Tests.Support;

/// <summary>One request the in-test webhook received: the signature header and the exact body bytes.</summary>
public sealed record WebhookCall(string? Signature, string? IdempotencyHeader, string? ContentType, byte[] Body);
