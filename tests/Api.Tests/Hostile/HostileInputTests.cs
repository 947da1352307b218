using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using O2C.Grains.Invoicing;
using O2C.Tests.Support;

namespace O2C.Api.Tests.Hostile;

/// <summary>
/// Issue 13's probes through the real HTTP pipeline: every write endpoint gets the right 4xx for
/// every hostile body, nothing rejected is stored, and no request of the suite gets a 5xx.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class HostileInputTests(PostgresFixture postgres) : IAsyncLifetime
{
    // overflow, good, QQQ, other content under a stored id, refused by the database, unknown customer, good
    private static readonly string[] BatchStatuses = ["Rejected", "Invoiced", "Rejected", "Rejected", "Rejected", "Rejected", "Invoiced"];

    private readonly List<string> _serverErrors = [];
    private TestCluster? _cluster;

    [Fact]
    public async Task Every_write_endpoint_refuses_every_hostile_body_with_the_right_4xx_and_stores_nothing()
    {
        var requests = HostileRequests.ForEveryEndpoint().Concat(HostileRequests.OutOfRange()).ToList();
        var misses = new List<string>();
        foreach (var request in requests)
        {
            var (status, problem, response) = await SendAsync(request);
            using (response)
            {
                if (request.Miss(status, problem, response) is { } miss)
                {
                    misses.Add(miss);
                }
            }
        }

        Assert.True(misses.Count == 0, $"{misses.Count} of {requests.Count} probes missed:{Environment.NewLine}{string.Join(Environment.NewLine, misses)}");
        Assert.True(requests.Count > 150, $"only {requests.Count} probes");
        await AssertNothingStoredAsync();
        Assert.Equal(TestCluster.Epoch, _cluster!.Clock.GetUtcNow());
        AssertNoServerErrors();
    }

    [Fact]
    public async Task A_cross_site_payment_in_text_plain_is_refused_and_not_stored()
    {
        // What a page on another origin made a browser send: fetch(..., {mode: 'no-cors', headers: {'Content-Type': 'text/plain'}}).
        var body = """{"paymentId":"hx-cross","amount":121,"currency":"EUR","receivedAt":"2026-01-05T10:00:00Z","customerId":"hostile"}""";
        var request = new HostileRequest("cross-site payment", HttpMethod.Post, "/v1/payments", Encoding.UTF8.GetBytes(body), "text/plain;charset=UTF-8", HttpStatusCode.UnsupportedMediaType);
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/payments");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");

        var (status, problem, response) = await SendAsync(request, origin: "https://evil.example");
        using var preflightResponse = await _cluster!.Client.SendAsync(preflight);

        Assert.Null(request.Miss(status, problem, response));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), "a write answered with a CORS grant");
        Assert.False(preflightResponse.Headers.Contains("Access-Control-Allow-Origin"), "the preflight of a JSON write was granted");
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM payments WHERE payment_id = 'hx-cross'"));
        AssertNoServerErrors();
    }

    [Fact]
    public async Task A_batch_answers_200_with_each_orders_own_result_whatever_one_of_them_meets()
    {
        var api = new ApiDriver(_cluster!);
        await api.CustomerAsync("hostile-ref", "en", 50);
        await api.OrderAsync("hb-first", "hostile", 10m);
        // A row already holding the payment reference order hb-refused's invoice will get: the
        // database refuses that invoice, as it refused colliding references before issue 13.
        await ExecuteAsync(
            """
            INSERT INTO invoices (invoice_id, customer_id, order_id, currency, issue_date, due_date, net, vat, total, paid, outstanding, status, payment_reference, lines, updated_at)
            VALUES ('INV-squatter', 'nobody', 'squatter', 'EUR', '2026-01-05', '2026-02-04', 0, 0, 0, 0, 0, 'Paid', $1, '[]', now())
            """,
            PaymentReference.Create("INV-hb-refused"));
        var orders = new[]
        {
            WriteEndpoint.Order("hx-b-overflow", "D", quantity: "1e9", unitPrice: "1e9"),
            WriteEndpoint.Order("hb-good-1", "D"),
            WriteEndpoint.Order("hx-b-qqq", "D", currency: "QQQ"),
            WriteEndpoint.Order("hb-first", "other content", unitPrice: "99"),
            WriteEndpoint.Order("hb-refused", "D", customerId: "hostile-ref"),
            WriteEndpoint.Order("hx-b-ghost", "D", customerId: "hx-ghost"),
            WriteEndpoint.Order("hb-good-2", "D"),
        };

        var (status, body, response) = await SendAsync(HostileRequest.Json("batch", "POST", "/v1/orders/batch", "{\"orders\":[" + string.Join(',', orders) + "]}", HttpStatusCode.OK));
        response.Dispose();

        Assert.True(status == HttpStatusCode.OK, $"batch gave {(int)status}: {body}");
        var results = body!["results"]!.AsArray();
        var statuses = results.Select(r => r!["status"]!.GetValue<string>()).ToList();
        Assert.Equal(BatchStatuses, statuses);
        Assert.True(results[0]!["errors"]!.AsObject().ContainsKey("orders[0].lines[0]"), results[0]!.ToJsonString());
        Assert.True(results[2]!["errors"]!.AsObject().ContainsKey("orders[2].currency"), results[2]!.ToJsonString());
        Assert.True(results[4]!["errors"]!.AsObject().ContainsKey("orders[4]"), results[4]!.ToJsonString());
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM orders WHERE order_id LIKE 'hx%'"));
        Assert.Equal(2L, await CountAsync("SELECT count(*) FROM invoices WHERE order_id IN ('hb-good-1', 'hb-good-2')"));
        AssertNoServerErrors();
    }

    [Fact]
    public async Task Order_ids_differing_only_in_punctuation_get_their_own_invoices_and_references_and_payments_find_them()
    {
        var api = new ApiDriver(_cluster!);
        var first = await api.OrderAsync("W1-11-2", "hostile", 100m);
        var second = await api.OrderAsync("W11-1-2", "hostile", 200m);
        var lower = await api.OrderAsync("w11-1-2", "hostile", 300m);

        var references = new List<string>();
        foreach (var order in new[] { first, second, lower })
        {
            var invoice = await api.GetAsync($"/v1/invoices/{order["invoiceId"]!.GetValue<string>()}");
            references.Add(invoice["paymentReference"]!.GetValue<string>());
        }

        Assert.Equal(3, references.Distinct(StringComparer.Ordinal).Count());
        var (status, payment) = await api.PostAsync("/v1/payments", new
        {
            paymentId = "hb-by-reference", amount = 242m, currency = "EUR", receivedAt = "2026-01-05T12:00:00Z", reference = references[1].ToLowerInvariant(),
        });
        Assert.True(status == HttpStatusCode.Created, $"payment gave {(int)status}: {payment}");
        Assert.Equal("Reference", payment!["matchedBy"]!.GetValue<string>());
        Assert.Equal("INV-W11-1-2", payment["allocations"]![0]!["invoiceId"]!.GetValue<string>());
        AssertNoServerErrors();
    }

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync(postgres);
        await new ApiDriver(_cluster).CustomerAsync("hostile", "en", 50);
    }

    public async Task DisposeAsync() => await _cluster!.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(HostileRequest request, string? origin = null)
    {
        using var message = request.ToMessage();
        if (origin is not null)
        {
            message.Headers.Add("Origin", origin);
        }

        var response = await _cluster!.Client.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500)
        {
            _serverErrors.Add($"{request.Name}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
        }

        JsonNode? body = null;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return (response.StatusCode, body, response);
    }

    private void AssertNoServerErrors() =>
        Assert.True(_serverErrors.Count == 0, $"{_serverErrors.Count} answers were 5xx:{Environment.NewLine}{string.Join(Environment.NewLine, _serverErrors)}");

    private async Task AssertNothingStoredAsync()
    {
        var stored = await CountAsync(
            """
            SELECT (SELECT count(*) FROM orders WHERE order_id LIKE 'hx%')
                 + (SELECT count(*) FROM payments WHERE payment_id LIKE 'hx%')
                 + (SELECT count(*) FROM customers WHERE customer_id LIKE 'hx%')
                 + (SELECT count(*) FROM grain_events WHERE grain_key LIKE 'hx%')
            """);
        Assert.True(stored == 0, $"{stored} rows of rejected requests were stored");
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var command = _cluster!.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = _cluster!.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
