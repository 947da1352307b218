namespace O2C.Storage;

/// <summary>An outbox message as staged by a grain; <paramref name="Payload"/> is JSON.</summary>
public sealed record OutboxMessage(string Topic, string Payload);
