using O2C.Grains.Collections;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Preview;
using O2C.Grains.Payments;
using O2C.Storage;
using O2C.Telemetry;

namespace O2C.Grains.Messages;

/// <summary>
/// Renders a dunning message per channel and stages it with the grain's write: a messages row
/// for collectors and an outbox entry for the delivery gateway. Message ids are deterministic,
/// so a reminder delivered twice cannot send twice. Payment links are filled here, at render time,
/// with the amount open now. The message's link pays the whole message: it carries the oldest
/// invoice's reference with the total, and the payment matcher spreads what exceeds that invoice
/// over the customer's other open invoices, oldest first. Each invoice line has its own link too.
/// </summary>
public sealed class MessageComposer(MessageRenderer renderer, PaymentLinkTemplate paymentLinks, O2CMetrics? metrics = null)
{
    // Only the first delivery of a message id counts: a redelivered reminder renders it again but adds nothing.
    private static readonly MultiRowStatement Queued = MultiRowStatement.Appended(
        """
        INSERT INTO messages (message_id, case_id, invoice_id, customer_id, stage, channel, language, risk_profile, template_name,
            recipient, subject, body, status, created_at)
        SELECT message_id, case_id, invoice_id, customer_id, stage, channel, language, risk_profile, template_name,
            recipient, subject, body, 'Queued', created_at FROM {rows}
        ON CONFLICT (message_id) DO NOTHING
        """,
        "message_id text", "case_id text", "invoice_id text", "customer_id text", "stage text", "channel text", "language text",
        "risk_profile text", "template_name text", "recipient text", "subject text", "body text", "created_at timestamptz");

    /// <summary>Renders the message per channel and stages each with <paramref name="rows"/>; answers what was queued.</summary>
    public IReadOnlyList<MessagePreview> Compose(CommitRows rows, DunningMessage message, DateTimeOffset now)
    {
        var queued = new List<MessagePreview>(message.Channels.Count);
        var customer = message.Customer;
        var lines = message.Invoices
            .Select(i => new MessageInvoiceLine(
                i.InvoiceId, i.Outstanding, i.Currency, i.DueDate, DunningStageNames.In(customer.Profile.Language, i.Level), i.PaymentReference,
                paymentLinks.For(i.PaymentReference, i.Outstanding, i.Currency, i.InvoiceId, customer.CustomerId),
                i.Interest is { Claimed: true } claimed ? claimed.Interest : null,
                i.Interest is { Claimed: true } withCosts && CompensationCounts(withCosts, i.Currency) ? withCosts.Compensation : null))
            .ToList();
        var total = message.Invoices.Sum(i => i.Outstanding);
        var claim = ClaimOf(message.Invoices, lines, total);
        var first = message.Invoices[0];
        var link = paymentLinks.For(first.PaymentReference, total, message.Currency, first.InvoiceId, customer.CustomerId);
        foreach (var channel in message.Channels)
        {
            var rendered = renderer.Render(new MessageModel(
                customer.Profile.Name, customer.Profile.Language, message.Stage, customer.RiskProfile, channel,
                message.Currency, total, link, lines, claim));
            var messageId = $"{message.MessageIdPrefix}-{channel.ToString().ToLowerInvariant()}";
            rows.Project(
                Queued,
                messageId, message.CaseId, message.InvoiceId, customer.CustomerId, message.Stage.ToString(), channel.ToString(),
                rendered.Language, customer.RiskProfile.ToString(), rendered.TemplateName, Recipient(customer.Profile, channel),
                rendered.Subject, rendered.Body, now);
            rows.Send("message.queued", new { messageId, channel, recipient = Recipient(customer.Profile, channel), rendered.Subject, rendered.SmsParts });
            if (metrics is not null)
            {
                var channelName = channel.ToString().ToLowerInvariant();
                rows.OnCommitted(() => metrics.MessageQueued(channelName));
            }
            queued.Add(new MessagePreview(
                messageId, customer.CustomerId, message.CaseId, message.InvoiceId, message.Stage, channel, Recipient(customer.Profile, channel),
                rendered.Language, rendered.TemplateName, rendered.Subject, rendered.Body, rendered.SmsParts, now,
                message.Invoices.Select(i => i.InvoiceId).ToList()));
        }

        return queued;
    }

    /// <summary>The interest and compensation of the invoices whose step claims them; null when none does.</summary>
    private static MessageClaim? ClaimOf(IReadOnlyList<DunningMessageInvoice> invoices, IReadOnlyList<MessageInvoiceLine> lines, decimal total)
    {
        var claimed = invoices.Select(i => i.Interest).OfType<InterestStatement>().Where(s => s.Claimed).ToList();
        if (claimed.Count == 0)
        {
            return null;
        }

        var interest = lines.Sum(l => l.Interest ?? 0m);
        var compensation = lines.Sum(l => l.Compensation ?? 0m);
        return new MessageClaim(
            interest, compensation, claimed[0].CompensationCurrency, total + interest + compensation,
            string.Join("; ", claimed.Select(s => s.LegalBasis).Distinct(StringComparer.Ordinal)), claimed[0].AsOf);
    }

    private static bool CompensationCounts(InterestStatement statement, string currency) =>
        string.Equals(statement.CompensationCurrency, currency, StringComparison.OrdinalIgnoreCase);

    private static string? Recipient(CustomerProfile profile, Channel channel) => channel switch
    {
        Channel.Email => profile.Email,
        Channel.Sms => profile.Phone,
        _ => profile.Name + (profile.Country is { } country ? $" ({country})" : ""),
    };
}
