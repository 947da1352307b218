using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace O2C.Api.Handovers;

/// <summary>
/// The handover list as CSV for the collection agency: one line per invoice, the debtor's columns
/// repeated, the messages and the timeline as one "; "-separated cell each (RFC 4180 quoting).
/// </summary>
internal static class HandoverCsv
{
    private static readonly string[] Header =
    [
        "handoverId", "caseId", "customerId", "customerName", "country", "status", "handedOverAt", "currency", "invoiceId", "dueDate",
        "paymentReference", "principal", "interest", "compensation", "totalClaimed", "paidAfterHandover", "messagesSent", "timeline",
    ];

    public static string From(JsonArray handovers)
    {
        var csv = new StringBuilder().AppendJoin(',', Header).Append("\r\n");
        foreach (var handover in handovers.OfType<JsonObject>())
        {
            var messages = string.Join("; ", handover["messages"]!.AsArray().Select(m => $"{Day(m!["at"])} {m["stage"]} {m["channel"]}"));
            var timeline = string.Join("; ", handover["timeline"]!.AsArray().Select(e => $"{Day(e!["at"])} {e["kind"]}"));
            foreach (var invoice in handover["invoices"]!.AsArray().OfType<JsonObject>())
            {
                string?[] cells =
                [
                    Text(handover["handoverId"]), Text(handover["caseId"]), Text(handover["customerId"]), Text(handover["customerName"]),
                    Text(handover["country"]), Text(handover["status"]), Text(handover["handedOverAt"]), Text(handover["currency"]),
                    Text(invoice["invoiceId"]), Text(invoice["dueDate"]), Text(invoice["paymentReference"]), Money(invoice["principal"]),
                    Money(invoice["interest"]), Money(invoice["compensation"]), Money(invoice["totalClaimed"]), Money(handover["paidAfterHandover"]),
                    messages, timeline,
                ];
                csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
            }
        }

        return csv.ToString();
    }

    private static string? Text(JsonNode? node) => node?.ToString();

    private static string Money(JsonNode? node) => (node?.GetValue<decimal>() ?? 0m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Day(JsonNode? node) => node is null ? "" : node.GetValue<DateTimeOffset>().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // A debtor's name starting with = + - @ would be a formula in the agency's spreadsheet: it is kept as text.
    private static string Quote(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return "";
        }

        var text = cell[0] is '=' or '+' or '-' or '@' ? "'" + cell : cell;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
