using System.Globalization;
using System.Text.Json.Nodes;

namespace O2C.Api.Invoices;

/// <summary>
/// The payment link of an invoice as the API shows it: the link the messages carry
/// (<c>O2C:Payments:LinkTemplate</c>), filled with the reference and the amount open now. The
/// silo hands in the template's filling (the API does not know the grains' configuration);
/// without it, or for an invoice with nothing open, there is no link.
/// </summary>
/// <param name="link">(reference, open amount, currency, invoice id, customer id) to the link, or null when none is configured.</param>
public sealed class InvoicePaymentLinks(Func<string, decimal, string, string, string, string?> link)
{
    public static readonly InvoicePaymentLinks None = new((_, _, _, _, _) => null);

    /// <summary>Adds <c>paymentLink</c> to an invoice as the invoice queries give it (JSON text).</summary>
    public string AddTo(string invoiceJson)
    {
        var invoice = JsonNode.Parse(invoiceJson)!.AsObject();
        Add(invoice);
        return invoice.ToJsonString();
    }

    /// <summary>Adds <c>paymentLink</c> to every invoice of a JSON array.</summary>
    public string AddToEach(string invoicesJson)
    {
        var invoices = JsonNode.Parse(invoicesJson)!.AsArray();
        foreach (var invoice in invoices)
        {
            Add(invoice!.AsObject());
        }

        return invoices.ToJsonString();
    }

    /// <summary>Adds <c>paymentLink</c> to one invoice object.</summary>
    public void Add(JsonObject invoice)
    {
        var open = invoice["outstanding"]!.GetValue<decimal>();
        invoice["paymentLink"] = open <= 0
            ? null
            : link(
                invoice["paymentReference"]!.GetValue<string>(),
                open,
                invoice["currency"]!.GetValue<string>(),
                invoice["invoiceId"]!.GetValue<string>(),
                invoice["customerId"]!.GetValue<string>());
    }
}
