using System.Text.Json.Nodes;
using O2C.Delivery.Tests.Support;
using O2C.Tests.Support;
using SmtpServer.Protocol;

namespace O2C.Delivery.Tests;

/// <summary>Dunning e-mails through a real silo on a real PostgreSQL to a real SMTP server in the test.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class SmtpDeliveryTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Each_dunning_email_reaches_the_customer_once_with_its_subject_body_and_payment_link()
    {
        await using var sink = await MailSink.StartAsync();
        await using var cluster = await TestCluster.StartAsync(postgres, DeliveryFlow.Settings(smtpPort: sink.Port));
        var flow = new DeliveryFlow(cluster);
        await flow.CustomerAsync("mailed");
        var invoiceId = await flow.OrderAsync("o-mailed", "mailed", 500m);

        await flow.AdvanceToDayAsync(34);
        var messages = await flow.SettledAsync("mailed", expected: 2);

        Assert.Equal(["PreDueReminder", "Reminder"], messages.Select(m => m.Stage));
        Assert.All(messages, m => Assert.True(m is { Status: "Sent", Attempts: 1, SentAt: not null }, $"{m.MessageId}: {m}"));
        Assert.Equal(2, sink.Mails.Count);
        var link = $"https://pay.example.com/{await flow.PaymentReferenceAsync(invoiceId)}?amount=605.00&currency=EUR";
        foreach (var message in messages)
        {
            var mail = Assert.Single(sink.Mails, m => m.Message.Subject == message.Subject);
            Assert.Equal("ar@o2c.example", mail.EnvelopeFrom);
            Assert.Equal(["mailed@example.com"], mail.EnvelopeTo);
            Assert.Equal("mailed@example.com", Assert.Single(mail.Message.To.Mailboxes).Address);
            Assert.Equal("Accounts Receivable", Assert.Single(mail.Message.From.Mailboxes).Name);
            Assert.Equal(message.Body.TrimEnd('\n'), mail.Text);
            Assert.Contains(link, mail.Text, StringComparison.Ordinal);
            Assert.Matches("^o2c-[0-9a-f]{32}@o2c\\.example$", mail.Message.MessageId);
        }

        Assert.Equal(2, sink.Mails.Select(m => m.Message.MessageId).Distinct().Count());
        var reminder = messages[1];
        var timeline = await flow.TimelineAsync(reminder.CaseId!);
        Assert.Equal(1, timeline.Count(kind => kind == "MessageSent"));
        Assert.True(timeline.IndexOf("MessageSent") > timeline.IndexOf("StageSent"), $"timeline of {reminder.CaseId}: {string.Join(", ", timeline)}");
        Assert.Contains("MessageSent", await flow.EventsAsync("invoice", invoiceId));
        var listed = JsonNode.Parse(await cluster.Client.GetStringAsync("/v1/messages?customerId=mailed"))!["items"]!.AsArray();
        Assert.All(listed, m => Assert.True(
            m!["status"]!.GetValue<string>() == "Sent" && m["attempts"]!.GetValue<int>() == 1 && m["sentAt"] is not null && m["finishedAt"] is not null,
            $"GET /v1/messages item: {m}"));
    }

    [Fact]
    public async Task A_server_in_trouble_gets_the_message_again_after_a_backoff_and_it_arrives_once()
    {
        await using var sink = await MailSink.StartAsync();
        sink.RefuseNext(2, new SmtpResponse(SmtpReplyCode.Aborted, "local error, try later"));
        await using var cluster = await TestCluster.StartAsync(postgres, DeliveryFlow.Settings(smtpPort: sink.Port));
        var flow = new DeliveryFlow(cluster);
        await flow.CustomerAsync("retried");
        await flow.OrderAsync("o-retried", "retried", 100m);

        await flow.AdvanceToDayAsync(27);
        var message = Assert.Single(await flow.SettledAsync("retried", expected: 1));

        Assert.True(message is { Status: "Sent", Attempts: 3 }, $"{message}");
        Assert.Contains("451", message.LastError, StringComparison.Ordinal);
        Assert.Equal(3, sink.Offered);
        Assert.Single(sink.Mails);
    }

    [Fact]
    public async Task A_server_that_keeps_answering_4xx_gets_every_attempt_then_the_message_is_Failed_on_the_case_timeline()
    {
        await using var sink = await MailSink.StartAsync();
        sink.RefuseAll(new SmtpResponse(SmtpReplyCode.Aborted, "local error, try later"));
        await using var cluster = await TestCluster.StartAsync(postgres, DeliveryFlow.Settings(smtpPort: sink.Port));
        var flow = new DeliveryFlow(cluster);
        await flow.CustomerAsync("troubled");
        await flow.OrderAsync("o-troubled", "troubled", 100m);

        await flow.AdvanceToDayAsync(33);
        var messages = await flow.SettledAsync("troubled", expected: 2);

        Assert.All(messages, m => Assert.True(m is { Status: "Failed", Attempts: 3, SentAt: null, FinishedAt: not null }, $"{m}"));
        Assert.All(messages, m => Assert.Contains("SMTP 451", m.LastError, StringComparison.Ordinal));
        Assert.Equal(6, sink.Offered);
        Assert.Empty(sink.Mails);
        Assert.Equal(1, (await flow.TimelineAsync(messages[1].CaseId!)).Count(kind => kind == "MessageFailed"));
    }

    [Fact]
    public async Task A_closed_port_gets_every_attempt_then_the_message_is_Failed()
    {
        await using var cluster = await TestCluster.StartAsync(postgres, DeliveryFlow.Settings(smtpPort: FreePort.Next()));
        var flow = new DeliveryFlow(cluster);
        await flow.CustomerAsync("unreachable");
        await flow.OrderAsync("o-unreachable", "unreachable", 100m);

        await flow.AdvanceToDayAsync(27);
        var message = Assert.Single(await flow.SettledAsync("unreachable", expected: 1));

        Assert.True(message is { Status: "Failed", Attempts: 3 }, $"{message}");
        Assert.Contains("ConnectionRefused", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_the_server_refuses_for_good_is_Failed_without_retries()
    {
        await using var sink = await MailSink.StartAsync();
        sink.RefuseAll(new SmtpResponse(SmtpReplyCode.TransactionFailed, "message refused"));
        await using var cluster = await TestCluster.StartAsync(postgres, DeliveryFlow.Settings(smtpPort: sink.Port));
        var flow = new DeliveryFlow(cluster);
        await flow.CustomerAsync("refused");
        await flow.OrderAsync("o-refused", "refused", 100m);

        await flow.AdvanceToDayAsync(27);
        var message = Assert.Single(await flow.SettledAsync("refused", expected: 1));

        Assert.True(message is { Status: "Failed", Attempts: 1 }, $"{message}");
        Assert.Contains("554", message.LastError, StringComparison.Ordinal);
        Assert.Equal(1, sink.Offered);
    }
}
