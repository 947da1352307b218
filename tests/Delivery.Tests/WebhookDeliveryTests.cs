using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using O2C.Delivery.Tests.Support;
using O2C.Tests.Support;

namespace O2C.Delivery.Tests;

/// <summary>SMS and letters go to the webhook as signed JSON; a channel without configuration keeps its messages Queued.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class WebhookDeliveryTests(PostgresFixture postgres)
{
    private const string Secret = "webhook-test-secret";

    [Fact]
    public async Task An_sms_is_posted_once_as_json_signed_with_hmac_sha256_of_the_body_and_emails_stay_queued_without_smtp()
    {
        await using var webhook = new WebhookReceiver();
        await using var cluster = await TestCluster.StartAsync(postgres, DeliveryFlow.Settings(webhookUrl: webhook.Url, webhookSecret: Secret));
        var flow = new DeliveryFlow(cluster);
        await flow.CustomerAsync("texted", creditScore: 10, "email", "sms");
        await flow.OrderAsync("o-texted", "texted", 100m);

        await flow.AdvanceToDayAsync(31); // High risk: pre-due e-mail day 25, reminder by e-mail and SMS day 31
        var sms = Assert.Single(await flow.SettledAsync("texted", expected: 1, channel: "Sms"));

        Assert.True(sms is { Status: "Sent", Attempts: 1 }, $"{sms}");
        var call = Assert.Single(webhook.Calls);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), call.Body));
        Assert.Equal(expected, call.Signature);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        var json = JsonNode.Parse(call.Body)!;
        Assert.Equal(sms.MessageId, json["messageId"]!.GetValue<string>());
        Assert.Equal("sms", json["channel"]!.GetValue<string>());
        Assert.Equal("+31600000000", json["recipient"]!.GetValue<string>());
        Assert.Equal(sms.Body, json["body"]!.GetValue<string>());
        Assert.Equal("Reminder", json["stage"]!.GetValue<string>());
        Assert.Equal(sms.CaseId, json["caseId"]!.GetValue<string>());
        Assert.Matches("^o2c-[0-9a-f]{32}$", json["idempotencyKey"]!.GetValue<string>());
        Assert.Equal(json["idempotencyKey"]!.GetValue<string>(), call.IdempotencyHeader);
        var emails = (await flow.MessagesAsync("texted")).Where(m => m.Channel == "Email").ToList();
        Assert.Equal(2, emails.Count);
        Assert.All(emails, m => Assert.True(m is { Status: "Queued", Attempts: 0, LastError: null }, $"{m}"));
    }

    [Fact]
    public async Task A_webhook_answering_503_gets_every_attempt_with_the_same_signed_body_then_the_sms_is_Failed()
    {
        await using var webhook = new WebhookReceiver { Status = HttpStatusCode.ServiceUnavailable };
        await using var cluster = await TestCluster.StartAsync(postgres, DeliveryFlow.Settings(webhookUrl: webhook.Url, webhookSecret: Secret));
        var flow = new DeliveryFlow(cluster);
        await flow.CustomerAsync("busy", creditScore: 10, "sms");
        await flow.OrderAsync("o-busy", "busy", 100m);

        await flow.AdvanceToDayAsync(31);
        var failed = Assert.Single(await flow.SettledAsync("busy", expected: 1, channel: "Sms"));

        Assert.True(failed is { Status: "Failed", Attempts: 3 }, $"{failed}");
        Assert.Contains("503", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(3, webhook.Calls.Count);
        Assert.Single(webhook.Calls.Select(c => Convert.ToBase64String(c.Body)).Distinct());
        Assert.Single(webhook.Calls.Select(c => c.Signature).Distinct());
    }
}
