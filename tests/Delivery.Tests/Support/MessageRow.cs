namespace O2C.Delivery.Tests.Support;

/// <summary>A row of <c>messages</c> with its delivery columns.</summary>
public sealed record MessageRow(
    string MessageId, string? CaseId, string? InvoiceId, string Stage, string Channel, string? Recipient, string Subject, string Body,
    string Status, int Attempts, string? LastError, DateTimeOffset? SentAt, DateTimeOffset? FinishedAt);
