using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using O2C.Silo.Database;
using O2C.Tests.Support;

namespace O2C.Api.Tests.Audit;

/// <summary>
/// The event trail's hash chain (migration 0018): the application's role cannot change it, and the
/// verifier names an event the owner edited and the event after one the owner deleted.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class AuditTrailTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_application_role_cannot_change_events_and_the_verifier_finds_what_the_owner_changed()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("audit-a", "en", creditScore: 60);
        await api.CustomerAsync("audit-b", "en", creditScore: 60);
        await api.OrderAsync("audit-o1", "audit-a", 100m);
        await api.OrderAsync("audit-o2", "audit-b", 100m);

        var intact = await VerifyAsync(cluster);
        Assert.True(intact["intact"]!.GetValue<bool>(), intact.ToJsonString());
        Assert.True(intact["eventsChecked"]!.GetValue<long>() >= 4, intact.ToJsonString());

        var app = cluster.Services.GetRequiredService<NpgsqlDataSource>();
        foreach (var sql in new[] { "UPDATE grain_events SET kind = 'x'", "DELETE FROM grain_events", "TRUNCATE grain_events" })
        {
            await using var change = app.CreateCommand(sql);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => change.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        // As the owner: edit customer a's last event, delete customer b's first one.
        var owner = cluster.Services.GetRequiredService<OwnerDataSource>().DataSource;
        var edited = await ScalarAsync(owner, "SELECT max(id) FROM grain_events WHERE grain_type = 'customer' AND grain_key = 'audit-a'");
        var deleted = await ScalarAsync(owner, "SELECT min(id) FROM grain_events WHERE grain_type = 'customer' AND grain_key = 'audit-b'");
        var afterDeleted = await ScalarAsync(owner, $"SELECT min(id) FROM grain_events WHERE grain_type = 'customer' AND grain_key = 'audit-b' AND id > {deleted}");
        await ScalarAsync(owner, $"UPDATE grain_events SET data = jsonb_set(data, '{{tampered}}', 'true') WHERE id = {edited} RETURNING id");
        await ScalarAsync(owner, $"DELETE FROM grain_events WHERE id = {deleted} RETURNING id");

        var broken = await VerifyAsync(cluster);
        Assert.False(broken["intact"]!.GetValue<bool>());
        var breaks = broken["breaks"]!.AsArray().Select(b => (Id: b!["eventId"]!.GetValue<long>(), Problem: b["problem"]!.GetValue<string>())).ToList();
        Assert.Equal(new[] { (Id: edited, Problem: "edited"), (Id: afterDeleted, Problem: "link-broken") }.OrderBy(b => b.Id), breaks.OrderBy(b => b.Id));
    }

    private static async Task<JsonObject> VerifyAsync(TestCluster cluster) =>
        (await cluster.Client.GetFromJsonAsync<JsonObject>("/v1/audit/verify"))!;

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
