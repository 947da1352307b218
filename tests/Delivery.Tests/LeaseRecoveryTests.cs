using Npgsql;
using O2C.Delivery.Tests.Support;
using O2C.Tests.Support;

namespace O2C.Delivery.Tests;

/// <summary>A silo that claims a message and dies before sending it: the next silo sends it once, after the lease.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class LeaseRecoveryTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_message_claimed_by_a_silo_that_died_goes_out_exactly_once_after_its_lease()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var sink = await MailSink.StartAsync();
        await using var queue = NpgsqlDataSource.Create(database);

        // First life: no SMTP configured, so the pre-due reminder stays Queued; then a silo claims it and dies.
        OutgoingMessage doomed;
        await using (var first = TestCluster.StartOn(database, DeliveryFlow.Settings()))
        {
            var flow = new DeliveryFlow(first);
            await flow.CustomerAsync("recovered");
            await flow.OrderAsync("o-recovered", "recovered", 100m);
            await flow.AdvanceToDayAsync(27);
            Assert.Equal("Queued", Assert.Single(await flow.MessagesAsync("recovered")).Status);

            var claim = await new MessageQueue(queue).ClaimAsync("Email", 10, lease: TimeSpan.FromSeconds(1), maxAttempts: 3, first.Clock.GetUtcNow());
            doomed = Assert.Single(claim.ToSend);
        }

        // Second life, with SMTP: the message is leased to the dead silo until the lease ends, then taken over.
        await using var second = TestCluster.StartOn(database, DeliveryFlow.Settings(smtpPort: sink.Port));
        var recovery = new DeliveryFlow(second);
        var message = Assert.Single(await recovery.SettledAsync("recovered", expected: 1));

        Assert.True(message is { Status: "Sent", Attempts: 2 }, $"{message}");
        Assert.Equal(1, doomed.Attempt);
        var mail = Assert.Single(sink.Mails);
        Assert.Equal($"{doomed.IdempotencyKey}@o2c.example", mail.Message.MessageId);
        // The dead silo's attempt, were it to come back, can no longer record an outcome.
        Assert.False(await new MessageQueue(queue).SentAsync(doomed, second.Clock.GetUtcNow()));
        Assert.False(await new MessageQueue(queue).RetryAsync(doomed, "late", TimeSpan.Zero));
        Assert.Equal("Sent", Assert.Single(await recovery.MessagesAsync("recovered")).Status);
        Assert.Single(sink.Mails);
    }

    [Fact]
    public async Task A_message_whose_last_attempt_died_with_its_silo_is_Failed_when_the_lease_ends()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var queue = NpgsqlDataSource.Create(database);
        await using var sink = await MailSink.StartAsync();
        await using (var first = TestCluster.StartOn(database, DeliveryFlow.Settings()))
        {
            var flow = new DeliveryFlow(first);
            await flow.CustomerAsync("exhausted");
            await flow.OrderAsync("o-exhausted", "exhausted", 100m);
            await flow.AdvanceToDayAsync(27);

            // Three silos in turn claim it and die: the last of the three attempts it gets (MaxAttempts=3).
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                var claim = await new MessageQueue(queue).ClaimAsync("Email", 10, lease: TimeSpan.Zero, maxAttempts: 3, first.Clock.GetUtcNow());
                Assert.Equal(attempt, Assert.Single(claim.ToSend).Attempt);
            }
        }

        await using var second = TestCluster.StartOn(database, DeliveryFlow.Settings(smtpPort: sink.Port));
        var message = Assert.Single(await new DeliveryFlow(second).SettledAsync("exhausted", expected: 1));

        Assert.True(message is { Status: "Failed", Attempts: 3 }, $"{message}");
        Assert.Contains("lease ended", message.LastError, StringComparison.Ordinal);
        Assert.Equal(0, sink.Offered);
    }
}
