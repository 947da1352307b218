using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using O2C.Tests.Support;

namespace O2C.Api.Tests;

/// <summary>Talks to the silo only through HTTP, as a client system would.</summary>
public sealed class ApiDriver(TestCluster cluster)
{
    public HttpClient Http => cluster.Client;

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public async Task<JsonNode> GetAsync(string path)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path} gave {(int)status}: {body}");
        return body!;
    }

    public async Task CustomerAsync(string id, string language, int? creditScore, decimal creditLimit = 100_000m, string[]? channels = null, int paymentTermDays = 30)
    {
        var (status, body) = await PutAsync($"/v1/customers/{id}", new
        {
            name = $"Customer {id}", email = $"{id}@example.com", phone = "+31600000000", language, currency = "EUR", country = "NL",
            paymentTermDays, creditLimit, creditScore, preferredChannels = channels ?? ["email"],
        });
        Assert.True(status == HttpStatusCode.OK, $"PUT customer {id} gave {(int)status}: {body}");
    }

    public static object Order(string orderId, string customerId, decimal unitPrice, decimal quantity = 1) => new
    {
        orderId, customerId, orderDate = "2026-01-05", currency = "EUR",
        lines = new[] { new { sku = "SKU-1", description = "Widget", quantity, unitPrice, vatRate = 0.21m } },
    };

    public async Task<JsonNode> OrderAsync(string orderId, string customerId, decimal unitPrice)
    {
        var (status, body) = await PostAsync("/v1/orders", Order(orderId, customerId, unitPrice));
        Assert.True(status == HttpStatusCode.Created, $"POST order {orderId} gave {(int)status}: {body}");
        return body!;
    }

    public async Task AdvanceToDayAsync(int day)
    {
        var (status, body) = await PostAsync("/v1/clock/advance", new { to = TestCluster.Epoch.AddDays(day).ToString("O") });
        Assert.True(status == HttpStatusCode.OK, $"advance to day {day} gave {(int)status}: {body}");
    }

    /// <summary>(stage, business day, channel) of every message to a customer, in order.</summary>
    public async Task<List<(string Stage, int Day, string Channel)>> MessagesAsync(string customerId)
    {
        var page = await GetAsync($"/v1/messages?customerId={customerId}&pageSize=500");
        return page["items"]!.AsArray()
            .Select(m => (m!["stage"]!.GetValue<string>(), (m["createdAt"]!.GetValue<DateTimeOffset>() - TestCluster.Epoch.Date).Days, m["channel"]!.GetValue<string>()))
            .OrderBy(m => m.Item2).ThenBy(m => m.Item3, StringComparer.Ordinal)
            .ToList();
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);
}
