using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using O2C.Delivery.Tests.Support;
using O2C.Tests.Support;

namespace O2C.Delivery.Tests;

/// <summary>
/// Issue 12's "done when", with the SMTP server in the test on a free port (README: the same run by
/// hand against 127.0.0.1:2525): 90 business days on the manual clock; each day the preview is taken,
/// then the day is run, and the mails that arrive are exactly the previewed e-mails, each once, on its
/// ladder day, each with a payment link that pays what it lists.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed partial class NinetyDayAcceptanceTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Ninety_days_deliver_each_dunning_email_once_on_its_day_with_a_working_link_as_each_days_preview_said()
    {
        await using var sink = await MailSink.StartAsync();
        await using var cluster = await TestCluster.StartAsync(postgres, DeliveryFlow.Settings(smtpPort: sink.Port));
        var flow = new DeliveryFlow(cluster);
        await flow.CustomerInAsync("acc-medium", "en", 50);
        await flow.CustomerInAsync("acc-high", "de", 10, "email", "sms");
        await flow.CustomerInAsync("acc-low", "nl", 90);
        await flow.CustomerInAsync("acc-fr", "fr", 50);
        var invoices = new Dictionary<string, string>
        {
            [await flow.OrderAsync("acc-o1", "acc-medium", 500m)] = "acc-medium",
            [await flow.OrderAsync("acc-o2", "acc-high", 200m)] = "acc-high",
            [await flow.OrderAsync("acc-o3", "acc-low", 1000m)] = "acc-low",
            [await flow.OrderAsync("acc-o4", "acc-fr", 300m)] = "acc-fr",
        };

        var arrivedOn = new List<(string Customer, int Day, string Stage)>();
        var mailsSeen = 0;
        var emailsPreviewed = 0;
        for (var day = 1; day <= 90; day++)
        {
            if (day == 12)
            {
                // Falls due on day 42, while the first invoices are at their second reminder or further.
                invoices[await flow.OrderAsync("acc-o5", "acc-medium", 80m)] = "acc-medium";
                invoices[await flow.OrderAsync("acc-o6", "acc-fr", 45.5m)] = "acc-fr";
            }

            var previewed = (await PreviewAsync(cluster, day)).Where(m => m["channel"]!.GetValue<string>() == "Email").ToList();
            await flow.AdvanceToDayAsync(day);
            var emails = await SettledEmailsAsync(cluster);
            var arrived = sink.Mails.Skip(mailsSeen).ToList();
            mailsSeen += arrived.Count;
            emailsPreviewed += previewed.Count;

            // What the preview said is what arrived: same recipients, subjects and texts, nothing more.
            Assert.True(previewed.Count == arrived.Count, $"day {day}: previewed {previewed.Count} e-mails, {arrived.Count} arrived");
            foreach (var message in previewed)
            {
                var id = message["messageId"]!.GetValue<string>();
                var mail = Assert.Single(arrived, m => m.Message.Subject == message["subject"]!.GetValue<string>() && m.EnvelopeTo.SequenceEqual([message["recipient"]!.GetValue<string>()]));
                Assert.Equal(message["body"]!.GetValue<string>().TrimEnd('\n'), mail.Text);
                Assert.Equal(day, (message["dueAt"]!.GetValue<DateTimeOffset>() - TestCluster.Epoch.Date).Days);
                Assert.True(emails.TryGetValue(id, out var status) && status == "Sent", $"day {day}: {id} is {status}");
                await AssertLinkPaysWhatItListsAsync(cluster, message, mail.Text);
                arrivedOn.Add((message["customerId"]!.GetValue<string>(), day, message["stage"]!.GetValue<string>()));
            }
        }

        // Once each: every e-mail queued in 90 days arrived once, with its own Message-ID.
        var all = await SettledEmailsAsync(cluster);
        Assert.Equal(all.Count, sink.Mails.Count);
        Assert.Equal(all.Count, emailsPreviewed);
        Assert.Equal(sink.Mails.Count, sink.Mails.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.True(all.Count >= 20, $"only {all.Count} e-mails in 90 days");

        // On their ladder days (due day 30; high: -5, +1, +7, +14, +21; low: +7, +21, +35, +50). The
        // others have a second invoice on a ladder of its own; their days were each checked against the preview above.
        Assert.Equal(
            [(25, "PreDueReminder"), (31, "Reminder"), (37, "SecondReminder"), (44, "FinalNotice"), (51, "Collection")],
            arrivedOn.Where(a => a.Customer == "acc-high").Select(a => (a.Day, a.Stage)));
        Assert.Equal(
            [(37, "Reminder"), (51, "SecondReminder"), (65, "FinalNotice"), (80, "Collection")],
            arrivedOn.Where(a => a.Customer == "acc-low").Select(a => (a.Day, a.Stage)));
        Assert.Contains(arrivedOn, a => a is { Customer: "acc-fr", Stage: "Collection" });

        // The invoice view carries the link too: its own reference and what is open on it.
        foreach (var (invoiceId, _) in invoices)
        {
            var invoice = JsonNode.Parse(await cluster.Client.GetStringAsync($"/v1/invoices/{invoiceId}"))!;
            var open = invoice["outstanding"]!.GetValue<decimal>();
            Assert.Equal(
                $"https://pay.example.com/{invoice["paymentReference"]!.GetValue<string>()}?amount={open.ToString("0.00", CultureInfo.InvariantCulture)}&currency=EUR",
                invoice["paymentLink"]!.GetValue<string>());
        }

        var listed = JsonNode.Parse(await cluster.Client.GetStringAsync("/v1/invoices?customerId=acc-fr"))!["items"]!.AsArray();
        Assert.Equal(2, listed.Count);
        Assert.All(listed, i => Assert.StartsWith("https://pay.example.com/RF", i!["paymentLink"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    /// <summary>
    /// The message's link names the oldest listed invoice's reference and the total open of all it
    /// lists (the matcher spreads the rest over the other invoices): parsed, not just found.
    /// </summary>
    private static async Task AssertLinkPaysWhatItListsAsync(TestCluster cluster, JsonNode message, string text)
    {
        var listed = message["invoices"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
        var invoices = new List<JsonNode>();
        foreach (var id in listed)
        {
            invoices.Add(JsonNode.Parse(await cluster.Client.GetStringAsync($"/v1/invoices/{id}"))!);
        }

        var links = Link().Matches(text).Select(m => Parsed(new Uri(m.Value))).ToList();
        var references = invoices.Select(i => i["paymentReference"]!.GetValue<string>()).ToList();
        Assert.All(links, link => Assert.True(
            link.Host == "pay.example.com" && references.Contains(link.Reference) && link.Currency == "EUR" && link.Amount > 0,
            $"{message["messageId"]}: a link to {link.Host}/{link.Reference} {link.Amount} {link.Currency}, the message lists {string.Join(", ", references)}"));
        var total = invoices.Sum(i => i["outstanding"]!.GetValue<decimal>());
        Assert.True(
            links.Any(link => link.Reference == references[0] && link.Amount == total),
            $"{message["messageId"]}: no link pays the total {total} on the oldest reference {references[0]}:\n{text}");
    }

    private static (string Host, string Reference, decimal Amount, string Currency) Parsed(Uri link)
    {
        var query = link.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        return (link.Host, Uri.UnescapeDataString(link.AbsolutePath.TrimStart('/')), decimal.Parse(query["amount"], CultureInfo.InvariantCulture), query["currency"]);
    }

    private static async Task<List<JsonNode>> PreviewAsync(TestCluster cluster, int day)
    {
        using var response = await cluster.Client.PostAsJsonAsync("/v1/clock/preview?bodies=true", new { to = TestCluster.Epoch.AddDays(day).ToString("O") });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"preview to day {day} gave {(int)response.StatusCode}: {body}");
        return [.. body["messages"]!.AsArray().Select(m => m!)];
    }

    /// <summary>Every e-mail's status once none is Queued or Sending any more.</summary>
    private static Task<Dictionary<string, string>> SettledEmailsAsync(TestCluster cluster) =>
        Eventually.Until(
            async () =>
            {
                await using var command = cluster.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
                    "SELECT message_id, status FROM messages WHERE channel = 'Email'");
                await using var reader = await command.ExecuteReaderAsync();
                var statuses = new Dictionary<string, string>();
                while (await reader.ReadAsync())
                {
                    statuses[reader.GetString(0)] = reader.GetString(1);
                }

                return statuses;
            },
            statuses => statuses.Values.All(s => s is not ("Queued" or "Sending")),
            "every e-mail to leave Queued and Sending");

    [GeneratedRegex(@"https://pay\.example\.com/[^\s)>""]+")]
    private static partial Regex Link();
}
