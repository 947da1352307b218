namespace O2C.Api.Tests.Hostile;

/// <summary>
/// A write endpoint with a valid body whose one string value holds the marker <c>@</c>, where the
/// hostile text goes: <paramref name="Field"/> is that value's JSON path; <paramref name="Key"/> a
/// top-level key to give twice. No body (null) for endpoints that read none.
/// </summary>
public sealed record WriteEndpoint(string Method, string Path, string? Template, string? Field, string? Key)
{
    public const string Marker = "@";

    public string? GoodBody => Template?.Replace(Marker, "", StringComparison.Ordinal);

    /// <summary>Every write endpoint of /v1; ids starting with hx never exist, so nothing may be stored under them.</summary>
    public static IReadOnlyList<WriteEndpoint> All { get; } =
    [
        new("PUT", "/v1/customers/hx-c", """{"name":"N@","email":"a@b.nl","language":"en","currency":"EUR","creditLimit":100}""", "name", "name"),
        new("POST", "/v1/orders", Order("hx-o", "D@"), "lines[0].description", "orderId"),
        new("POST", "/v1/orders/batch", "{\"orders\":[" + Order("hx-ob", "D@") + "]}", "orders[0].lines[0].description", "orders"),
        new("POST", "/v1/payments", """{"paymentId":"hx-p","amount":10,"currency":"EUR","receivedAt":"2026-01-05T10:00:00Z","payerName":"X@"}""", "payerName", "paymentId"),
        new("POST", "/v1/cases/hx-case/notes", """{"text":"T@"}""", "text", "text"),
        new("POST", "/v1/cases/hx-case/promise", """{"amount":10,"date":"2026-02-01@"}""", "date", "amount"),
        new("POST", "/v1/cases/hx-case/dispute", """{"invoiceId":"INV-1","reason":"R@"}""", "reason", "reason"),
        new("POST", "/v1/cases/hx-case/resolve-dispute", """{"invoiceId":"INV-1","reason":"R@"}""", "reason", "reason"),
        new("POST", "/v1/clock/advance", """{"to":"2026-01-06T00:00:00Z@"}""", "to", "to"),
        new("POST", "/v1/cases/hx-case/escalate", null, null, null),
        new("POST", "/v1/orders/hx-o/release", null, null, null),
        new("POST", "/v1/payments/hx-p/allocate", """{"invoices":[{"invoiceId":"INV-1@","amount":10}]}""", "invoices[0].invoiceId", "invoices"),
        new("POST", "/v1/payments/hx-p/refund-request", """{"reason":"R@"}""", "reason", "reason"),
    ];

    public static string Order(string orderId, string description, string customerId = "hostile", string quantity = "1", string unitPrice = "10", string currency = "EUR", string orderDate = "2026-01-05") =>
        $$"""{"orderId":"{{orderId}}","customerId":"{{customerId}}","orderDate":"{{orderDate}}","currency":"{{currency}}","lines":[{"sku":"S","description":"{{description}}","quantity":{{quantity}},"unitPrice":{{unitPrice}},"vatRate":0.21}]}""";

    public override string ToString() => $"{Method} {Path}";
}
