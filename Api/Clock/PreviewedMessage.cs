using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;
using O2C.Grains.Interfaces.Preview;

namespace O2C.Api.Clock;

/// <summary>One message a run would queue; <see cref="Body"/> only when asked for (<c>?bodies=true</c>, and always for a case's next message).</summary>
public sealed record PreviewedMessage(
    string MessageId,
    string CustomerId,
    string? CaseId,
    string? InvoiceId,
    DunningStage Stage,
    Channel Channel,
    string? Recipient,
    string Language,
    string TemplateName,
    DateTimeOffset DueAt,
    string Subject,
    string? Body,
    int SmsParts,
    IReadOnlyList<string> Invoices)
{
    public static PreviewedMessage From(MessagePreview m, bool withBody) => new(
        m.MessageId, m.CustomerId, m.CaseId, m.InvoiceId, m.Stage, m.Channel, m.Recipient, m.Language, m.TemplateName, m.DueAt,
        m.Subject, withBody ? m.Body : null, m.SmsParts, m.Invoices);
}
