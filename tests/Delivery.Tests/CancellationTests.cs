using O2C.Delivery.Tests.Support;
using O2C.Tests.Support;

namespace O2C.Delivery.Tests;

/// <summary>Never an unfounded reminder: what was queued for a case paid in the meantime is cancelled, not sent.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class CancellationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Queued_messages_of_a_case_paid_before_they_went_out_are_Cancelled_and_never_sent()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var sink = await MailSink.StartAsync();
        string caseId;
        string invoiceId;
        await using (var first = TestCluster.StartOn(database, DeliveryFlow.Settings()))
        {
            // No SMTP yet: the pre-due reminder (day 27) and the reminder (day 33) wait Queued; then the customer pays all.
            var flow = new DeliveryFlow(first);
            await flow.CustomerAsync("paid");
            invoiceId = await flow.OrderAsync("o-paid", "paid", 500m);
            await flow.AdvanceToDayAsync(34);
            await flow.PayAsync("pay-paid", invoiceId, 605m, day: 34);
            var queued = await flow.MessagesAsync("paid");
            Assert.Equal(["Queued", "Queued"], queued.Select(m => m.Status));
            caseId = queued[1].CaseId!;
        }

        await using var second = TestCluster.StartOn(database, DeliveryFlow.Settings(smtpPort: sink.Port));
        var recovery = new DeliveryFlow(second);
        var messages = await recovery.SettledAsync("paid", expected: 2);

        Assert.All(messages, m => Assert.True(m is { Status: "Cancelled", Attempts: 0, SentAt: null, FinishedAt: not null }, $"{m}"));
        Assert.Equal(0, sink.Offered);
        var timeline = await recovery.TimelineAsync(caseId);
        Assert.True(timeline.IndexOf("MessageCancelled") > timeline.IndexOf("CaseClosed"), $"timeline of {caseId}: {string.Join(", ", timeline)}");
        Assert.Contains("MessageCancelled", await recovery.EventsAsync("invoice", invoiceId));
    }
}
