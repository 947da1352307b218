using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using O2C.Tests.Support;

namespace O2C.Api.Tests.Preview;

/// <summary>
/// The previews (<c>POST /v1/clock/preview</c>, <c>GET /v1/cases/{id}/next-message</c>) against the
/// runs that follow them, over HTTP: a preview lists exactly what the advance then queues (ids,
/// times, texts), and changes nothing on the way.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class MessagePreviewTests(PostgresFixture postgres)
{
    private static readonly string[] Customers = ["p-low", "p-high", "p-fr", "p-en"];

    [Fact]
    public async Task Each_days_preview_is_exactly_what_that_days_advance_queues_and_changes_nothing()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("p-low", "nl", creditScore: 90);
        await api.CustomerAsync("p-high", "de", creditScore: 10, channels: ["email", "sms", "letter"]);
        await api.CustomerAsync("p-fr", "fr", creditScore: 50, channels: ["email", "letter"]);
        await api.CustomerAsync("p-en", "en", creditScore: 50, paymentTermDays: 14);
        await api.OrderAsync("p-o1", "p-low", 1000m);
        await api.OrderAsync("p-o2", "p-high", 250m);
        await api.OrderAsync("p-o3", "p-fr", 800m);
        await api.OrderAsync("p-o4", "p-en", 120m);

        var nextMessages = new Dictionary<string, JsonNode>();
        var compared = 0;
        var predictedSteps = 0;
        for (var day = 1; day <= 90; day++)
        {
            if (day == 10)
            {
                // Falls due (day 40) while the first invoices of these customers climb their ladders.
                await api.OrderAsync("p-o5", "p-high", 90m);
                await api.OrderAsync("p-o6", "p-fr", 60m);
            }

            if (day == 20)
            {
                await api.OrderAsync("p-o7", "p-low", 400m);
            }

            foreach (var customer in Customers)
            {
                foreach (var open in (await api.GetAsync($"/v1/cases?customerId={customer}"))["items"]!.AsArray())
                {
                    var caseId = open!["caseId"]!.GetValue<string>();
                    nextMessages[caseId] = await api.GetAsync($"/v1/cases/{caseId}/next-message");
                }
            }

            var before = await FingerprintAsync(cluster);
            var preview = await PreviewAsync(api, day);
            Assert.Equal(before, await FingerprintAsync(cluster));

            var queuedBefore = await MessagesAsync(api);
            await api.AdvanceToDayAsync(day);
            var sent = (await MessagesAsync(api)).ExceptBy(queuedBefore.Select(m => m.Id), m => m.Id).ToList();

            Assert.True(Same(preview, sent), $"day {day}: previewed\n{string.Join("\n", preview)}\nbut queued\n{string.Join("\n", sent)}");
            compared += sent.Count;

            // A case's first message goes out the day it opens: there was no case to ask the day before.
            foreach (var step in sent.Where(m => m.CaseId is not null && nextMessages.ContainsKey(m.CaseId)).GroupBy(m => m.CaseId!))
            {
                var predicted = nextMessages[step.Key];
                predictedSteps++;
                Assert.Equal(step.First().DueAt, predicted["when"]!.GetValue<DateTimeOffset>());
                Assert.Equal(
                    step.Select(m => $"{m.Id}\n{m.Subject}\n{m.Body}").Order(StringComparer.Ordinal).ToList(),
                    predicted["messages"]!.AsArray().Select(m => $"{Text(m, "messageId")}\n{Text(m, "subject")}\n{Text(m, "body")}").Order(StringComparer.Ordinal).ToList());
            }
        }

        // Every ladder reached its final notice: pre-due, reminders, final notices (and most hand-overs) were all compared.
        Assert.True(compared >= 30, $"only {compared} messages were compared");
        Assert.True(predictedSteps >= 12, $"only {predictedSteps} case steps were compared with their next-message");
        foreach (var customer in Customers)
        {
            Assert.Contains(("FinalNotice", "Email"), (await api.MessagesAsync(customer)).Select(m => (m.Stage, m.Channel)));
        }
    }

    [Fact]
    public async Task A_preview_over_many_days_lists_what_the_advance_over_them_queues()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("m-high", "de", creditScore: 10, channels: ["email", "sms", "letter"]);
        await api.CustomerAsync("m-mid", "fr", creditScore: 50, channels: ["email", "letter"]);
        await api.OrderAsync("m-o1", "m-high", 300m);
        await api.OrderAsync("m-o2", "m-mid", 300m);
        await api.AdvanceToDayAsync(20);
        await api.OrderAsync("m-o3", "m-high", 50m);
        await api.OrderAsync("m-o4", "m-mid", 70m);

        var before = await FingerprintAsync(cluster);
        var preview = await PreviewAsync(api, 120);
        Assert.Equal(before, await FingerprintAsync(cluster));
        var queuedBefore = await MessagesAsync(api);
        await api.AdvanceToDayAsync(120);
        var sent = (await MessagesAsync(api)).ExceptBy(queuedBefore.Select(m => m.Id), m => m.Id).ToList();

        // The high-risk case reaches its final notice on the way, which the customer's risk profile
        // then reflects in later messages: the preview judges it as the run does.
        Assert.Contains(sent, m => m.Stage == "FinalNotice");
        Assert.True(sent.Count >= 15, $"only {sent.Count} messages");
        Assert.True(Same(preview, sent), $"previewed\n{string.Join("\n", preview)}\nbut queued\n{string.Join("\n", sent)}");
    }

    [Fact]
    public async Task Bad_preview_requests_are_problems_naming_the_field()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);

        var (past, pastBody) = await api.PostAsync("/v1/clock/preview", new { to = TestCluster.Epoch.AddDays(-1).ToString("O") });
        var (garbled, garbledBody) = await api.PostAsync("/v1/clock/preview", new { to = "next tuesday" });
        var (missing, missingBody) = await api.PostAsync("/v1/clock/preview", new { });
        var (unknown, unknownBody) = await api.SendAsync(HttpMethod.Get, "/v1/cases/no-such-case/next-message");

        Assert.Equal(HttpStatusCode.BadRequest, past);
        Assert.NotNull(pastBody!["errors"]!["to"]);
        Assert.Equal(HttpStatusCode.BadRequest, garbled);
        Assert.NotNull(garbledBody!["errors"]!["to"]);
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.NotNull(missingBody!["errors"]!["to"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Contains("no-such-case", unknownBody!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<List<Message>> PreviewAsync(ApiDriver api, int day)
    {
        var (status, body) = await api.PostAsync("/v1/clock/preview?bodies=true", new { to = TestCluster.Epoch.AddDays(day).ToString("O") });
        Assert.True(status == HttpStatusCode.OK, $"preview to day {day} gave {(int)status}: {body}");
        var messages = body!["messages"]!.AsArray().Select(m => Message.From(m!, "dueAt")).ToList();
        Assert.Equal(messages.Count, body["count"]!.GetValue<int>());
        return messages;
    }

    private static async Task<List<Message>> MessagesAsync(ApiDriver api)
    {
        var all = new List<Message>();
        foreach (var customer in Customers.Concat(["m-high", "m-mid"]))
        {
            all.AddRange((await api.GetAsync($"/v1/messages?customerId={customer}&pageSize=500"))["items"]!.AsArray().Select(m => Message.From(m!, "createdAt")));
        }

        return all;
    }

    private static bool Same(List<Message> previewed, List<Message> queued) =>
        previewed.Count == queued.Count && previewed.Order().SequenceEqual(queued.Order());

    /// <summary>Everything a preview must leave alone: grain state, reminders, the outbox, the query rows.</summary>
    private static async Task<string> FingerprintAsync(TestCluster cluster)
    {
        await using var command = cluster.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            """
            SELECT (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM grain_state t)
                || (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM orleansreminderstable t)
                || (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM messages t)
                || (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM outbox t)
                || (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM grain_events t)
                || (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM cases t)
                || (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM customers t)
                || (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM invoices t)
            """);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static string? Text(JsonNode? node, string name) => node?[name]?.GetValue<string>();

    private sealed record Message(string Id, string Customer, string? CaseId, string Stage, string Channel, DateTimeOffset DueAt, string Subject, string Body)
        : IComparable<Message>
    {
        public static Message From(JsonNode m, string time) => new(
            Text(m, "messageId")!, Text(m, "customerId")!, Text(m, "caseId"), Text(m, "stage")!, Text(m, "channel")!,
            m[time]!.GetValue<DateTimeOffset>(), Text(m, "subject")!, Text(m, "body")!);

        public int CompareTo(Message? other) => string.CompareOrdinal(Id, other?.Id);

        public override string ToString() => $"{Id} {Stage} {Channel} {DueAt:O} {Subject}";
    }
}
