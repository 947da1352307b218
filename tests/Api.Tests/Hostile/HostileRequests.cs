using System.Net;
using System.Text;

namespace O2C.Api.Tests.Hostile;

/// <summary>The probes of issue 13 and their kin, for every write endpoint.</summary>
public static class HostileRequests
{
    private const HttpStatusCode BadRequest = HttpStatusCode.BadRequest;
    private const HttpStatusCode Unsupported = HttpStatusCode.UnsupportedMediaType;

    /// <summary>What no write endpoint may take: wrong media types, broken text, repeated keys, broken JSON.</summary>
    public static IEnumerable<HostileRequest> ForEveryEndpoint()
    {
        foreach (var endpoint in WriteEndpoint.All)
        {
            var name = endpoint.ToString();
            var method = new HttpMethod(endpoint.Method);
            var good = Encoding.UTF8.GetBytes(endpoint.GoodBody ?? "{}");

            // What a page on another origin can send without a CORS preflight, and no content type at all.
            yield return new($"{name} text/plain", method, endpoint.Path, good, "text/plain", Unsupported);
            yield return new($"{name} text/plain;charset=UTF-8", method, endpoint.Path, good, "text/plain; charset=UTF-8", Unsupported);
            yield return new($"{name} form", method, endpoint.Path, "a=1&b=2"u8.ToArray(), "application/x-www-form-urlencoded", Unsupported);
            yield return new($"{name} multipart", method, endpoint.Path, good, "multipart/form-data; boundary=x", Unsupported);
            yield return new($"{name} JSON in latin1", method, endpoint.Path, good, "application/json; charset=iso-8859-1", Unsupported);
            if (endpoint.Template is null)
            {
                continue;
            }

            yield return new($"{name} no content type", method, endpoint.Path, good, null, Unsupported);
            yield return new($"{name} empty body", method, endpoint.Path, [], "application/json", BadRequest, "body");
            yield return new($"{name} not JSON", method, endpoint.Path, "{\"a\":"u8.ToArray(), "application/json", BadRequest, "body");
            yield return new($"{name} JSON null", method, endpoint.Path, "null"u8.ToArray(), "application/json", BadRequest, "body");
            yield return new($"{name} nested 200 deep", method, endpoint.Path,
                Encoding.UTF8.GetBytes(new string('[', 200) + new string(']', 200)), "application/json", BadRequest, "body");
            yield return new($"{name} invalid UTF-8 \\xff", method, endpoint.Path, WithBytes(endpoint, [0xFF]), "application/json", BadRequest, endpoint.Field);
            yield return new($"{name} invalid UTF-8 \\xc3\\x28", method, endpoint.Path, WithBytes(endpoint, [0xC3, 0x28]), "application/json", BadRequest, endpoint.Field);
            yield return new($"{name} lone high surrogate", method, endpoint.Path, With(endpoint, "\\ud800"), "application/json", BadRequest, endpoint.Field);
            yield return new($"{name} lone low surrogate", method, endpoint.Path, With(endpoint, "\\udc00x"), "application/json", BadRequest, endpoint.Field);
            yield return new($"{name} NUL", method, endpoint.Path, With(endpoint, "\\u0000"), "application/json", BadRequest, endpoint.Field);
            yield return new($"{name} duplicate key", method, endpoint.Path,
                Encoding.UTF8.GetBytes($"{{\"{endpoint.Key}\":\"first\"," + endpoint.GoodBody![1..]), "application/json", BadRequest, endpoint.Key);
            yield return new($"{name} 17 MB with Content-Length", method, endpoint.Path,
                Encoding.UTF8.GetBytes("[" + new string(' ', 17 * 1024 * 1024) + "]"), "application/json", HttpStatusCode.RequestEntityTooLarge);
        }
    }

    /// <summary>Values each within its field's own rules that the business or the tables cannot take.</summary>
    public static IEnumerable<HostileRequest> OutOfRange()
    {
        const string Customer = """{"name":"N","language":"en","currency":"EUR","creditLimit":100}""";
        const string Payment = """{"paymentId":"hx-p","amount":10,"currency":"EUR","receivedAt":"2026-01-05T10:00:00Z"}""";
        yield return HostileRequest.Json("quantity 1e9 × unitPrice 1e9", "POST", "/v1/orders",
            WriteEndpoint.Order("hx-o1", "D", quantity: "1e9", unitPrice: "1e9"), BadRequest, "lines[0]");
        yield return HostileRequest.Json("two lines over the order total", "POST", "/v1/orders",
            WriteEndpoint.Order("hx-o2", "D", unitPrice: "1000000000", quantity: "500").Replace("}]}", "},{\"sku\":\"T\",\"quantity\":500,\"unitPrice\":1000000000,\"vatRate\":0.21}]}", StringComparison.Ordinal),
            BadRequest, "lines");
        foreach (var currency in new[] { "QQQ", "XXX", "XTS", "XAU", "ABC" })
        {
            yield return HostileRequest.Json($"order in {currency}", "POST", "/v1/orders", WriteEndpoint.Order("hx-o3", "D", currency: currency), BadRequest, "currency");
            yield return HostileRequest.Json($"customer in {currency}", "PUT", "/v1/customers/hx-c", Customer.Replace("EUR", currency, StringComparison.Ordinal), BadRequest, "currency");
            yield return HostileRequest.Json($"payment in {currency}", "POST", "/v1/payments", Payment.Replace("EUR", currency, StringComparison.Ordinal), BadRequest, "currency");
        }

        foreach (var date in new[] { "0001-01-01", "1999-12-31", "2101-01-01", "9999-12-31" })
        {
            yield return HostileRequest.Json($"order dated {date}", "POST", "/v1/orders", WriteEndpoint.Order("hx-o4", "D", orderDate: date), BadRequest, "orderDate");
            yield return HostileRequest.Json($"payment received {date}", "POST", "/v1/payments", Payment.Replace("2026-01-05", date, StringComparison.Ordinal), BadRequest, "receivedAt");
            yield return HostileRequest.Json($"promise for {date}", "POST", "/v1/cases/hx-case/promise", $$"""{"amount":10,"date":"{{date}}"}""", BadRequest, "date");
        }

        yield return HostileRequest.Json("clock to 9999", "POST", "/v1/clock/advance", """{"to":"9999-12-31T00:00:00Z"}""", BadRequest, "to");
        yield return HostileRequest.Json("payment of 1e400", "POST", "/v1/payments", Payment.Replace("\"amount\":10", "\"amount\":1e400", StringComparison.Ordinal), BadRequest, "amount");
        yield return HostileRequest.Json("payment over the amount cap", "POST", "/v1/payments", Payment.Replace("\"amount\":10", "\"amount\":1000000000000.01", StringComparison.Ordinal), BadRequest, "amount");
        yield return HostileRequest.Json("credit limit 1e13", "PUT", "/v1/customers/hx-c", Customer.Replace("100", "1e13", StringComparison.Ordinal), BadRequest, "creditLimit");
        yield return HostileRequest.Json("quantity 1e30", "POST", "/v1/orders", WriteEndpoint.Order("hx-o5", "D", quantity: "1e30"), BadRequest, "lines[0].quantity");
    }

    private static byte[] With(WriteEndpoint endpoint, string text) =>
        Encoding.UTF8.GetBytes(endpoint.Template!.Replace(WriteEndpoint.Marker, text, StringComparison.Ordinal));

    private static byte[] WithBytes(WriteEndpoint endpoint, byte[] bytes)
    {
        var at = endpoint.Template!.IndexOf(WriteEndpoint.Marker[0]);
        return [.. Encoding.UTF8.GetBytes(endpoint.Template[..at]), .. bytes, .. Encoding.UTF8.GetBytes(endpoint.Template[(at + 1)..])];
    }
}
