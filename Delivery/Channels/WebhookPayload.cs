namespace O2C.Delivery.Channels;

/// <summary>
/// The JSON body posted for an SMS or a letter. Nothing in it changes between attempts, so a repeat
/// is byte for byte the first call; <see cref="IdempotencyKey"/> is what a receiver deduplicates on.
/// </summary>
public sealed record WebhookPayload(
    string IdempotencyKey,
    string MessageId,
    string Channel,
    string Recipient,
    string Subject,
    string Body,
    string Language,
    string Stage,
    string CustomerId,
    string? CaseId,
    string? InvoiceId)
{
    internal static WebhookPayload For(OutgoingMessage message, string recipient) => new(
        message.IdempotencyKey, message.MessageId, message.Channel.ToLowerInvariant(), recipient, message.Subject, message.Body,
        message.Language, message.Stage, message.CustomerId, message.CaseId, message.InvoiceId);
}
