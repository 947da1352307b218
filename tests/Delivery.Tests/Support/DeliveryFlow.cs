using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using O2C.Tests.Support;

namespace O2C.Delivery.Tests.Support;

/// <summary>Drives a silo over its HTTP API with the manual clock, and reads what delivery did from its database.</summary>
public sealed class DeliveryFlow(TestCluster cluster)
{
    public const string From = "Accounts Receivable <ar@o2c.example>";
    public const string LinkTemplate = "https://pay.example.com/{reference}?amount={amount}&currency={currency}";

    private static readonly string[] EmailOnly = ["email"];

    /// <summary>Delivery settings for a test: short polls and backoffs, so retries take milliseconds of wall time.</summary>
    public static Dictionary<string, string?> Settings(int? smtpPort = null, string? webhookUrl = null, string? webhookSecret = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["O2C:Payments:LinkTemplate"] = LinkTemplate,
            ["O2C:Delivery:PollInterval"] = "00:00:00.05",
            ["O2C:Delivery:InitialBackoff"] = "00:00:00.01",
            ["O2C:Delivery:MaxBackoff"] = "00:00:00.05",
            ["O2C:Delivery:MaxAttempts"] = "3",
        };
        if (smtpPort is { } port)
        {
            settings["O2C:Delivery:Smtp:Host"] = "127.0.0.1";
            settings["O2C:Delivery:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["O2C:Delivery:Smtp:From"] = From;
        }

        if (webhookUrl is not null)
        {
            settings["O2C:Delivery:Webhook:Url"] = webhookUrl;
            settings["O2C:Delivery:Webhook:Secret"] = webhookSecret;
        }

        return settings;
    }

    /// <summary>A customer paying in 30 days: credit score 50 is Medium (pre-due reminder day 27, reminder day 33), 10 is High.</summary>
    public Task CustomerAsync(string id, int creditScore = 50, params string[] channels) => CustomerInAsync(id, "en", creditScore, channels);

    /// <summary>As <see cref="CustomerAsync"/>, writing in <paramref name="language"/>.</summary>
    public async Task CustomerInAsync(string id, string language, int creditScore, params string[] channels)
    {
        using var response = await cluster.Client.PutAsJsonAsync($"/v1/customers/{id}", new
        {
            name = $"Customer {id}", email = $"{id}@example.com", phone = "+31600000000", language, currency = "EUR", country = "NL",
            paymentTermDays = 30, creditLimit = 100_000m, creditScore, preferredChannels = channels.Length == 0 ? EmailOnly : channels,
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT customer {id} gave {(int)response.StatusCode}");
    }

    /// <summary>An order of one line at <paramref name="unitPrice"/> plus 21% VAT, invoiced on day 0; returns the invoice id.</summary>
    public async Task<string> OrderAsync(string orderId, string customerId, decimal unitPrice)
    {
        using var response = await cluster.Client.PostAsJsonAsync("/v1/orders", new
        {
            orderId, customerId, orderDate = "2026-01-05", currency = "EUR",
            lines = new[] { new { sku = "SKU-1", description = "Widget", quantity = 1m, unitPrice, vatRate = 0.21m } },
        });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST order {orderId} gave {(int)response.StatusCode}: {body}");
        return body["invoiceId"]!.GetValue<string>();
    }

    public async Task<string> PaymentReferenceAsync(string invoiceId) =>
        JsonNode.Parse(await cluster.Client.GetStringAsync($"/v1/invoices/{invoiceId}"))!["paymentReference"]!.GetValue<string>();

    public async Task PayAsync(string paymentId, string invoiceId, decimal amount, int day)
    {
        using var response = await cluster.Client.PostAsJsonAsync("/v1/payments", new
        {
            paymentId, amount, currency = "EUR", receivedAt = TestCluster.Epoch.AddDays(day).ToString("O"), invoiceId,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST payment {paymentId} gave {(int)response.StatusCode}");
    }

    public Task AdvanceToDayAsync(int day) => cluster.AdvanceToDayAsync(day);

    /// <summary>Every message to <paramref name="customerId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<MessageRow>> MessagesAsync(string customerId)
    {
        await using var command = cluster.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            """
            SELECT message_id, case_id, invoice_id, stage, channel, recipient, subject, body, status, attempts, last_error, sent_at, finished_at
            FROM messages WHERE customer_id = $1 ORDER BY created_at, message_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = customerId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<MessageRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new MessageRow(
                reader.GetString(0), Text(reader, 1), Text(reader, 2), reader.GetString(3), reader.GetString(4), Text(reader, 5),
                reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetInt32(9), Text(reader, 10),
                Time(reader, 11), Time(reader, 12)));
        }

        return rows;
    }

    /// <summary>Waits until every message to <paramref name="customerId"/> of <paramref name="channel"/> has left Queued and Sending.</summary>
    public Task<IReadOnlyList<MessageRow>> SettledAsync(string customerId, int expected, string channel = "Email") =>
        Eventually.Until(
            async () => (IReadOnlyList<MessageRow>)[.. (await MessagesAsync(customerId)).Where(m => m.Channel == channel)],
            rows => rows.Count == expected && rows.All(m => m.Status is not ("Queued" or "Sending")),
            $"{expected} {channel} messages to {customerId} to be settled");

    /// <summary>The kinds on a case's timeline (GET /v1/cases/{id}), in order.</summary>
    public async Task<List<string>> TimelineAsync(string caseId) =>
        [.. JsonNode.Parse(await cluster.Client.GetStringAsync($"/v1/cases/{caseId}"))!["timeline"]!.AsArray().Select(t => t!["kind"]!.GetValue<string>())];

    /// <summary>The kinds of the audit events of a grain (<c>grain_events</c>), in order.</summary>
    public async Task<List<string>> EventsAsync(string grainType, string grainKey)
    {
        await using var command = cluster.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT kind FROM grain_events WHERE grain_type = $1 AND grain_key = $2 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter { Value = grainType });
        command.Parameters.Add(new NpgsqlParameter { Value = grainKey });
        await using var reader = await command.ExecuteReaderAsync();
        var kinds = new List<string>();
        while (await reader.ReadAsync())
        {
            kinds.Add(reader.GetString(0));
        }

        return kinds;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
