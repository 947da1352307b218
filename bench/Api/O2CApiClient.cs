using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using O2C.Bench.Load;

namespace O2C.Bench.Api;

/// <summary>
/// The silo's business API (issue 3) as the scenarios use it. A route the silo does not map
/// (404 or 405 without a problem body) raises <see cref="EndpointNotAvailableException"/>,
/// so a scenario says so instead of reporting numbers.
/// </summary>
public sealed class O2CApiClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http => http;

    public async Task PutCustomerAsync(string customerId, CustomerRequest customer, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsync($"/v1/customers/{Uri.EscapeDataString(customerId)}", JsonBody(customer), cancellationToken);
        await EnsureSuccessAsync(response, "PUT /v1/customers/{id}", cancellationToken);
    }

    /// <summary>Returns the order's status.</summary>
    public async Task<string> PlaceOrderAsync(OrderRequest order, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync("/v1/orders", JsonBody(order), cancellationToken);
        await EnsureSuccessAsync(response, "POST /v1/orders", cancellationToken);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return StatusOf(body.RootElement);
    }

    /// <summary>Sends one batch; counts its results by status into <paramref name="outcomes"/>.</summary>
    public async Task PlaceBatchAsync(IReadOnlyList<OrderRequest> orders, OrderOutcomes outcomes, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync("/v1/orders/batch", JsonBody(new OrderBatchRequest(orders)), cancellationToken);
        await EnsureSuccessAsync(response, "POST /v1/orders/batch", cancellationToken);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var results = ResultsOf(body.RootElement);
        var counted = 0;
        foreach (var result in results.EnumerateArray())
        {
            outcomes.Add(StatusOf(result));
            counted++;
        }

        if (counted != orders.Count)
        {
            throw new InvalidOperationException($"POST /v1/orders/batch answered {counted} results for {orders.Count} orders");
        }
    }

    public async Task AdvanceClockAsync(DateTimeOffset to, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync("/v1/clock/advance", JsonBody(new ClockAdvanceRequest(to)), cancellationToken);
        await EnsureSuccessAsync(response, "POST /v1/clock/advance", cancellationToken);
    }

    /// <summary>404/405 with no problem body means no route: the endpoint is not there (yet).</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string endpoint, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed && string.IsNullOrWhiteSpace(body))
        {
            throw new EndpointNotAvailableException(endpoint, (int)response.StatusCode);
        }

        throw new HttpRequestException($"{endpoint}: HTTP {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}", null, response.StatusCode);
    }

    /// <summary>
    /// A JSON body sent with its Content-Length, as most clients send one: <c>PostAsJsonAsync</c> streams
    /// it chunked, which costs both ends a chunk parser and the client an extra socket write per request.
    /// </summary>
    private static ByteArrayContent JsonBody<T>(T value)
    {
        var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, Json));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return body;
    }

    // The batch answer is an array of results, or an object holding one (e.g. {"results": [...]}).
    private static JsonElement ResultsOf(JsonElement root) => root.ValueKind == JsonValueKind.Array
        ? root
        : root.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array) is { ValueKind: JsonValueKind.Array } array
            ? array
            : throw new InvalidOperationException($"POST /v1/orders/batch answered no array of results: {root.GetRawText()[..Math.Min(200, root.GetRawText().Length)]}");

    private static string StatusOf(JsonElement result) =>
        result.ValueKind == JsonValueKind.Object && result.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
            ? status.GetString()!
            : "(no status)";
}
