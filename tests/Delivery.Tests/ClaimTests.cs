using Npgsql;
using O2C.Delivery.Tests.Support;
using O2C.Tests.Support;

namespace O2C.Delivery.Tests;

/// <summary>Silos claiming at the same time share the queued messages: none is claimed twice, none is left out.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class ClaimTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Two_silos_claiming_at_once_get_disjoint_messages_that_together_are_all_of_them()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var cluster = TestCluster.StartOn(database, DeliveryFlow.Settings()); // no SMTP: e-mails wait Queued
        var flow = new DeliveryFlow(cluster);
        await flow.CustomerAsync("shared", creditScore: 10);
        await flow.OrderAsync("o-shared", "shared", 100m);
        await flow.AdvanceToDayAsync(52); // High ladder: pre-due, reminder, second, final, collection
        var queued = await flow.MessagesAsync("shared");
        Assert.Equal(5, queued.Count);

        await using var silo1 = NpgsqlDataSource.Create(database);
        await using var silo2 = NpgsqlDataSource.Create(database);
        var now = cluster.Clock.GetUtcNow();
        var claims = await Task.WhenAll(
            new MessageQueue(silo1).ClaimAsync("Email", 3, TimeSpan.FromMinutes(5), 3, now),
            new MessageQueue(silo2).ClaimAsync("Email", 3, TimeSpan.FromMinutes(5), 3, now));

        var claimed = claims.SelectMany(c => c.ToSend.Select(m => m.MessageId)).ToList();
        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.Equal(queued.Select(m => m.MessageId).Order(), claimed.Order());
        Assert.All(await flow.MessagesAsync("shared"), m => Assert.True(m is { Status: "Sending", Attempts: 1 }, $"{m}"));
        Assert.Empty((await new MessageQueue(silo1).ClaimAsync("Email", 10, TimeSpan.FromMinutes(5), 3, now)).ToSend);
    }
}
