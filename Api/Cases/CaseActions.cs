using O2C.Api.Validation;

namespace O2C.Api.Cases;

/// <summary>Bodies of the collector actions on a case.</summary>
public static class CaseActions
{
    public sealed record Note(string Text);

    public sealed record Promise(decimal Amount, DateOnly Date);

    public sealed record InvoiceReason(string InvoiceId, string Reason);

    public static Note? ParseNote(JsonFields body) =>
        body.Text("text", required: true, maxLength: 4000) is { } text ? new Note(text) : null;

    public static Promise? ParsePromise(JsonFields body)
    {
        var amount = body.Number("amount", required: true, 0, Amounts.Max, 2, minExclusive: true);
        var date = body.Date("date");
        return amount is null || date is null ? null : new Promise(amount.Value, date.Value);
    }

    public static InvoiceReason? ParseInvoiceReason(JsonFields body)
    {
        var invoiceId = body.Id("invoiceId");
        var reason = body.Text("reason", required: true, maxLength: 2000);
        return invoiceId is null || reason is null ? null : new InvoiceReason(invoiceId, reason);
    }
}
