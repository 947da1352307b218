using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Interfaces.Preview;

/// <summary>
/// One message as a run renders it into the outbox: the same id, text and business time, whether it
/// was really queued or only previewed.
/// </summary>
/// <param name="DueAt">The business time the run queues it at.</param>
/// <param name="Invoices">The invoices the message lists, oldest due date first.</param>
[GenerateSerializer, Immutable, Alias("o2c.message-preview")]
public sealed record MessagePreview(
    [Id(0)] string MessageId,
    [Id(1)] string CustomerId,
    [Id(2)] string? CaseId,
    [Id(3)] string? InvoiceId,
    [Id(4)] DunningStage Stage,
    [Id(5)] Channel Channel,
    [Id(6)] string? Recipient,
    [Id(7)] string Language,
    [Id(8)] string TemplateName,
    [Id(9)] string Subject,
    [Id(10)] string Body,
    [Id(11)] int SmsParts,
    [Id(12)] DateTimeOffset DueAt,
    [Id(13)] IReadOnlyList<string> Invoices);
