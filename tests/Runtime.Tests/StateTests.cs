using Npgsql;
using O2C.Runtime.Tests.Support;
using O2C.Runtime.Tests.TestGrains;
using O2C.Tests.Support;

namespace O2C.Runtime.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class StateTests(PostgresFixture postgres)
{
    [Fact]
    public async Task State_is_stored_as_versioned_jsonb_and_read_back_by_a_new_activation()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        var grain = silo.Grains.GetGrain<ICounterGrain>("c1");

        Assert.Null(await grain.Etag());
        await grain.Increment();
        await grain.Increment();
        Assert.Equal("2", await grain.Etag());
        await grain.Deactivate();

        Assert.Equal(2, await grain.Get());
        Assert.Equal("2", await grain.Etag());
        await using var command = silo.Database.CreateCommand("SELECT version, state->>'count' FROM grain_state WHERE grain_type = 'counter' AND grain_key = 'c1'");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(2, reader.GetInt64(0));
        Assert.Equal("2", reader.GetString(1));
    }

    [Fact]
    public async Task ClearStateAsync_removes_the_row()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        var grain = silo.Grains.GetGrain<ICounterGrain>("gone");
        await grain.Increment();
        await grain.Clear();
        await grain.Deactivate();

        Assert.Equal(0, await grain.Get());
        Assert.Null(await grain.Etag());
        Assert.Equal(0L, await silo.Database.CreateCommand("SELECT count(*) FROM grain_state WHERE grain_key = 'gone'").ExecuteScalarAsync());
    }

    [Fact]
    public async Task Two_silos_on_one_database_never_overwrite_each_other()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var a = await TestSilo.StartAsync(database);
        await using var b = await TestSilo.StartAsync(database);

        // Both silos activate the same grain and read version 0.
        Assert.Equal(0, await a.Grains.GetGrain<ICounterGrain>("shared").Get());
        Assert.Equal(0, await b.Grains.GetGrain<ICounterGrain>("shared").Get());

        Assert.Equal(1, await a.Grains.GetGrain<ICounterGrain>("shared").Increment());
        // b's activation is stale: its write conflicts, it is discarded and the call retried on fresh state.
        Assert.Equal(2, await b.Grains.GetGrain<ICounterGrain>("shared").Increment());
        Assert.Equal(3, await a.Grains.GetGrain<ICounterGrain>("shared").Increment());

        Assert.Equal(4, await b.Grains.GetGrain<ICounterGrain>("shared").Increment());

        Assert.Equal("4", await Scalar(a, "SELECT state->>'count' FROM grain_state WHERE grain_key = 'shared'"));
        // b activated once, then once more after each of its two lost writes.
        Assert.Equal(3, b.Services.GetLifecycle().For("shared").Count(e => e == "activate"));
    }

    [Fact]
    public async Task A_stale_write_among_many_sinks_only_itself_and_none_of_its_rows_land()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var a = await TestSilo.StartAsync(database);
        await using var b = await TestSilo.StartAsync(database);
        await a.Database.CreateCommand("CREATE TABLE counter_view (counter_id text PRIMARY KEY, count int NOT NULL, note text NOT NULL)").ExecuteNonQueryAsync();
        Assert.Equal(0, await a.Grains.GetGrain<ICounterGrain>("stale").Get());
        Assert.Equal(0, await b.Grains.GetGrain<ICounterGrain>("stale").Get());
        await a.Grains.GetGrain<ICounterGrain>("stale").IncrementWithRows("from a", breakProjection: false);

        // b's write of "stale" queues with 200 good writes: the group's one-round-trip commit fails
        // its version check, and the careful pass commits the others and fails only the stale one
        // (which the runtime retries on fresh state).
        var writes = Enumerable.Range(0, 200)
            .Select(i => b.Grains.GetGrain<ICounterGrain>($"fresh{i}").IncrementWithRows("ok", breakProjection: false))
            .Append(b.Grains.GetGrain<ICounterGrain>("stale").IncrementWithRows("from b", breakProjection: false));
        await Task.WhenAll(writes);

        Assert.Equal("200", await Scalar(a, "SELECT count(*)::text FROM counter_view WHERE counter_id LIKE 'fresh%' AND count = 1"));
        Assert.Equal("2|from b", await Scalar(a, "SELECT count || '|' || note FROM counter_view WHERE counter_id = 'stale'"));
        Assert.Equal("2", await Scalar(a, "SELECT version::text FROM grain_state WHERE grain_key = 'stale'"));
        // One audit event and one outbox message per write that landed: the lost attempt left none.
        Assert.Equal("1,2", await Scalar(a, "SELECT string_agg(data->>'count', ',' ORDER BY id) FROM grain_events WHERE grain_key = 'stale' AND kind = 'Incremented'"));
        Assert.Equal("1,2", await Scalar(a, "SELECT string_agg(payload->>'count', ',' ORDER BY id) FROM outbox WHERE grain_key = 'stale'"));
    }

    [Fact]
    public async Task Rows_alongside_a_state_write_commit_with_it_or_not_at_all()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        await silo.Database.CreateCommand("CREATE TABLE counter_view (counter_id text PRIMARY KEY, count int NOT NULL, note text NOT NULL)").ExecuteNonQueryAsync();
        var grain = silo.Grains.GetGrain<ICounterGrain>("rows");

        await grain.IncrementWithRows("first", breakProjection: false);
        // The projection violates NOT NULL: nothing of this write may land.
        await Assert.ThrowsAsync<PostgresException>(() => grain.IncrementWithRows("second", breakProjection: true));

        Assert.Equal(1, await grain.Get());
        Assert.Equal("1", await Scalar(silo, "SELECT version::text FROM grain_state WHERE grain_key = 'rows'"));
        Assert.Equal("1|first", await Scalar(silo, "SELECT count || '|' || note FROM counter_view WHERE counter_id = 'rows'"));
        Assert.Equal("1", await Scalar(silo, "SELECT count(*)::text FROM grain_events WHERE grain_key = 'rows' AND kind = 'Incremented' AND data->>'note' = 'first'"));
        Assert.Equal("1", await Scalar(silo, "SELECT string_agg(payload->>'count', ',') FROM outbox WHERE grain_key = 'rows' AND topic = 'counter.incremented'"));
    }

    [Fact]
    public async Task Concurrent_writes_of_many_grains_share_transactions_and_one_bad_write_sinks_only_itself()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        await silo.Database.CreateCommand("CREATE TABLE counter_view (counter_id text PRIMARY KEY, count int NOT NULL, note text NOT NULL)").ExecuteNonQueryAsync();

        var writes = Enumerable.Range(0, 500)
            .Select(i => silo.Grains.GetGrain<ICounterGrain>($"many{i}").IncrementWithRows("ok", breakProjection: i == 250))
            .ToList();
        var outcome = await Task.WhenAll(writes.Select(async w => { try { await w; return true; } catch (PostgresException) { return false; } }));

        Assert.Equal(499, outcome.Count(ok => ok));
        Assert.False(outcome[250]);
        Assert.Equal("499", await Scalar(silo, "SELECT count(*)::text FROM counter_view"));
        Assert.Equal("499", await Scalar(silo, "SELECT count(*)::text FROM grain_state WHERE grain_type = 'counter'"));
    }

    private static async Task<string?> Scalar(TestSilo silo, string sql) =>
        (await silo.Database.CreateCommand(sql).ExecuteScalarAsync())?.ToString();

    [Fact]
    public async Task A_grain_can_create_another_grains_state_and_reminder_in_its_own_transaction()
    {
        await using var silo = await TestSilo.StartAsync(await postgres.CreateDatabaseAsync());
        var parent = silo.Grains.GetGrain<ICounterGrain>("parent");

        await Assert.ThrowsAsync<PostgresException>(() => parent.Spawn("lost-child", 5, breakProjection: true));
        await parent.Spawn("child", 7, breakProjection: false);

        Assert.Equal(7, await silo.Grains.GetGrain<ICounterGrain>("child").Get());
        Assert.Equal(0, await silo.Grains.GetGrain<ICounterGrain>("lost-child").Get());
        Assert.Equal("1", await Scalar(silo, "SELECT count(*)::text FROM grain_events WHERE grain_key = 'child' AND kind = 'Spawned'"));
        Assert.Equal("wake", await Scalar(silo, "SELECT string_agg(name, ',') FROM reminders WHERE grain_type = 'counter'"));
        Assert.Equal("0", await Scalar(silo, "SELECT count(*)::text FROM grain_state WHERE grain_key = 'lost-child'"));
    }
}
