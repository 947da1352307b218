using Microsoft.Extensions.DependencyInjection;
using O2C.Runtime.Membership;
using O2C.Runtime.Tests.Support;
using O2C.Tests.Support;

namespace O2C.Runtime.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class MembershipTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_silo_registers_itself_and_says_goodbye_when_it_stops()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var observer = await TestSilo.StartAsync(database);
        var table = observer.Services.GetRequiredService<MembershipTable>();
        var silo = await TestSilo.StartAsync(database);
        var id = silo.Services.GetRequiredService<SiloIdentity>().SiloId;

        Assert.Equal(SiloStatus.Active, (await table.ReadAllAsync()).Single(s => s.SiloId == id).Status);
        await silo.DisposeAsync();

        var entry = (await table.ReadAllAsync()).Single(s => s.SiloId == id);
        Assert.Equal(SiloStatus.Stopped, entry.Status);
        Assert.NotNull(entry.DiedAt);
    }

    [Fact]
    public async Task A_silo_that_stops_heartbeating_is_marked_dead()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        await silo.Database.CreateCommand(
            "INSERT INTO silos (silo_id, host_name, status, started_at, last_heartbeat) VALUES ('crashed', 'h', 'Active', now() - interval '1 hour', now() - interval '5 minutes')")
            .ExecuteNonQueryAsync();
        var table = silo.Services.GetRequiredService<MembershipTable>();

        var marked = await table.MarkDeadAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(1, marked);
        var crashed = (await table.ReadAllAsync()).Single(s => s.SiloId == "crashed");
        Assert.Equal(SiloStatus.Dead, crashed.Status);
        Assert.Equal(crashed.LastHeartbeat, crashed.DiedAt);
        Assert.Equal(SiloStatus.Active, (await table.ReadAllAsync()).Single(s => s.SiloId != "crashed").Status);
    }
}
