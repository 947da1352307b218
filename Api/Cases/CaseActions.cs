using O2C.Api.Validation;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Api.Cases;

/// <summary>Bodies of the collector actions on a case.</summary>
public static class CaseActions
{
    public sealed record Note(string Text);

    public sealed record Promise(decimal Amount, DateOnly Date, bool Replaces = false);

    public sealed record Plan(IReadOnlyList<PlannedInstalment> Instalments, bool Replaces, string? Reason);

    public sealed record InvoiceReason(string InvoiceId, string Reason);

    public sealed record Assignment(string Collector);

    public static Assignment? ParseAssignment(JsonFields body) =>
        body.Id("collector") is { } collector ? new Assignment(collector) : null;

    public static Note? ParseNote(JsonFields body) =>
        body.Text("text", required: true, maxLength: 4000) is { } text ? new Note(text) : null;

    public static Promise? ParsePromise(JsonFields body)
    {
        var amount = body.Number("amount", required: true, 0, Amounts.Max, 2, minExclusive: true);
        var date = body.Date("date");
        var replaces = body.Flag("replaces");
        return amount is null || date is null ? null : new Promise(amount.Value, date.Value, replaces);
    }

    /// <summary>
    /// The instalments' shape (dates, positive whole-cent amounts); whether they cover the open amount,
    /// come in order and fall within the limits is the case's rule, answered with the same field paths.
    /// </summary>
    public static Plan? ParsePlan(JsonFields body)
    {
        var items = body.Array("instalments", required: true, minItems: 1, maxItems: 120);
        var replaces = body.Flag("replaces");
        var reason = body.Text("reason", required: false, maxLength: 2000);
        if (items is null)
        {
            return null;
        }

        var instalments = new List<PlannedInstalment>();
        foreach (var (item, path) in items)
        {
            if (JsonFields.For(item, path, body.Errors, body.Limits) is not { } fields)
            {
                continue;
            }

            var date = fields.Date("date");
            var amount = fields.Number("amount", required: true, 0, Amounts.Max, 2, minExclusive: true);
            if (date is not null && amount is not null)
            {
                instalments.Add(new PlannedInstalment(date.Value, amount.Value));
            }
        }

        return body.Errors.Any ? null : new Plan(instalments, replaces, reason);
    }

    public static InvoiceReason? ParseInvoiceReason(JsonFields body)
    {
        var invoiceId = body.Id("invoiceId");
        var reason = body.Text("reason", required: true, maxLength: 2000);
        return invoiceId is null || reason is null ? null : new InvoiceReason(invoiceId, reason);
    }
}
