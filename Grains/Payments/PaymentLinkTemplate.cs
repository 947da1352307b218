using System.Globalization;
using System.Text;

namespace O2C.Grains.Payments;

/// <summary>
/// The configured payment-page URL with its placeholders: <c>{reference}</c> (the invoice's RF
/// payment reference), <c>{amount}</c> (the open amount, invariant: 1834.50), <c>{currency}</c>
/// (ISO code), <c>{invoice}</c> (invoice id) and <c>{customer}</c> (customer id). Every value is
/// URL-escaped. Parsed once at start, so an unknown placeholder stops the silo rather than
/// sending a customer to a broken page.
/// </summary>
public sealed class PaymentLinkTemplate
{
    public static readonly IReadOnlyList<string> Placeholders = ["reference", "amount", "currency", "invoice", "customer"];

    /// <summary>No link configured: <see cref="For"/> gives null and templates leave the link out.</summary>
    public static readonly PaymentLinkTemplate None = new([]);

    // Literal text and placeholder names alternate; a placeholder is kept as "{name}".
    private readonly IReadOnlyList<string> _pieces;

    private PaymentLinkTemplate(IReadOnlyList<string> pieces) => _pieces = pieces;

    public bool IsConfigured => _pieces.Count > 0;

    /// <summary>Blank gives <see cref="None"/>; otherwise the text must be an absolute http(s) URL using known placeholders only.</summary>
    public static bool TryParse(string? text, out PaymentLinkTemplate template, out string? error)
    {
        template = None;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var pieces = new List<string>();
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf('{', at);
            var close = text.IndexOf('}', at);
            if (open < 0 && close < 0)
            {
                pieces.Add(text[at..]);
                break;
            }

            var end = open < 0 ? -1 : text.IndexOf('}', open);
            if (end < 0 || close < open)
            {
                error = $"'{text}' has an unmatched brace; placeholders are {Known}";
                return false;
            }

            var name = text[(open + 1)..end];
            if (!Placeholders.Contains(name, StringComparer.Ordinal))
            {
                error = $"unknown placeholder {{{name}}} in '{text}'; use {Known}";
                return false;
            }

            pieces.Add(text[at..open]);
            pieces.Add("{" + name + "}");
            at = end + 1;
        }

        if (!pieces.Contains("{reference}") && !pieces.Contains("{invoice}"))
        {
            error = $"'{text}' names no invoice: use {{reference}} or {{invoice}}";
            return false;
        }

        var parsed = new PaymentLinkTemplate(pieces);
        var sample = parsed.For("RF18539007547034", 1234.5m, "EUR", "INV-1", "C-1")!;
        if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            error = $"'{text}' does not give an absolute http(s) URL (sample: {sample})";
            return false;
        }

        template = parsed;
        return true;
    }

    /// <summary>The link for one payment, or null when no link is configured.</summary>
    public string? For(string reference, decimal amount, string currency, string invoiceId, string customerId)
    {
        if (!IsConfigured)
        {
            return null;
        }

        var link = new StringBuilder();
        foreach (var piece in _pieces)
        {
            link.Append(piece switch
            {
                "{reference}" => Uri.EscapeDataString(reference),
                "{amount}" => Uri.EscapeDataString(amount.ToString("0.00", CultureInfo.InvariantCulture)),
                "{currency}" => Uri.EscapeDataString(currency),
                "{invoice}" => Uri.EscapeDataString(invoiceId),
                "{customer}" => Uri.EscapeDataString(customerId),
                _ => piece,
            });
        }

        return link.ToString();
    }

    private static string Known => string.Join(", ", Placeholders.Select(p => "{" + p + "}"));
}
