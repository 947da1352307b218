using System.Net;
using System.Net.Http.Json;
using O2C.Tests.Support;

namespace O2C.Telemetry.Tests.Support;

/// <summary>A small order-to-cash flow over HTTP: a customer with an e-mail address and a phone number, an order, its dunning.</summary>
public static class Flow
{
    public const string Email = "jansen.finance@example.org";
    public const string Phone = "+31612345678";

    private static readonly string[] Channels = ["email", "sms"];

    public static async Task CustomerAsync(TestCluster cluster, string customerId) =>
        await SendAsync(cluster, HttpMethod.Put, $"/v1/customers/{customerId}", new
        {
            name = "Jansen B.V.", email = Email, phone = Phone, language = "en", currency = "EUR", country = "NL",
            paymentTermDays = 14, creditLimit = 100_000m, creditScore = 10, preferredChannels = Channels,
        }, HttpStatusCode.OK);

    public static async Task OrderAsync(TestCluster cluster, string orderId, string customerId) =>
        await SendAsync(cluster, HttpMethod.Post, "/v1/orders", new
        {
            orderId, customerId, orderDate = "2026-01-05", currency = "EUR",
            lines = new[] { new { sku = "SKU-1", description = "Widget", quantity = 2m, unitPrice = 100m, vatRate = 0.21m } },
        }, HttpStatusCode.Created);

    public static async Task PayAsync(TestCluster cluster, string paymentId, string invoiceId, decimal amount) =>
        await SendAsync(cluster, HttpMethod.Post, "/v1/payments", new
        {
            paymentId, amount, currency = "EUR", receivedAt = cluster.Clock.GetUtcNow().ToString("O"), invoiceId,
        }, HttpStatusCode.Created);

    private static async Task SendAsync(TestCluster cluster, HttpMethod method, string path, object body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        using var response = await cluster.Client.SendAsync(request);
        Assert.True(response.StatusCode == expected, $"{method} {path} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
