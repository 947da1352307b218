using Microsoft.Extensions.Options;
using Npgsql;
using O2C.Silo.Database;
using O2C.Tests.Support;
using Orleans.Configuration;

namespace O2C.Storage.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class O2CReminderTableTests(PostgresFixture postgres)
{
    private static readonly DateTime Due = new(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_reminder_is_stored_moved_read_and_removed_only_with_its_current_etag()
    {
        await using var database = await MigratedAsync();
        await using var table = Table(database, "svc");
        var invoice = GrainId.Create("invoice", "INV-1");

        var first = Assert.IsType<string>(await table.UpsertRow(Entry(invoice, "due-date", Due)));
        var moved = Assert.IsType<string>(await table.UpsertRow(Entry(invoice, "due-date", Due.AddDays(7))));
        var read = Assert.IsType<ReminderEntry>(await table.ReadRow(invoice, "due-date"));

        Assert.NotEqual(first, moved);
        Assert.Equal(moved, read.ETag);
        Assert.Equal(Due.AddDays(7), read.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(1), read.Period);
        Assert.False(await table.RemoveRow(invoice, "due-date", first));
        Assert.True(await table.RemoveRow(invoice, "due-date", moved));
        Assert.Null(await table.ReadRow(invoice, "due-date"));
        Assert.False(await table.RemoveRow(invoice, "due-date", moved));
    }

    [Fact]
    public async Task Registrations_of_many_grains_at_once_are_each_stored_with_their_own_etag_and_hash_as_the_stock_table_stores_it()
    {
        await using var database = await MigratedAsync();
        await using var table = Table(database, "svc");
        var grains = Enumerable.Range(0, 500).Select(i => GrainId.Create("invoice", $"INV-{i}")).ToList();

        // The same reminder registered twice at once must not fail the statement (a row may be touched
        // once per statement); which of two concurrent registrations lands last is not promised.
        var etags = await Task.WhenAll(grains.Select(g => table.UpsertRow(Entry(g, "pre-due", Due))).Append(table.UpsertRow(Entry(grains[0], "pre-due", Due.AddDays(1)))));

        Assert.All(etags, Assert.NotNull);
        Assert.Equal(500, await ScalarAsync(database, "SELECT count(*) FROM orleansreminderstable WHERE serviceid = 'svc'"));
        Assert.Equal(0, await ScalarAsync(database,
            "SELECT count(*) FROM orleansreminderstable WHERE serviceid = 'svc' AND grainhash <> ALL($1)",
            grains.Select(g => unchecked((int)g.GetUniformHashCode())).ToArray()));
        Assert.Contains(Assert.Single((await table.ReadRows(grains[0])).Reminders).StartAt, new[] { Due, Due.AddDays(1) });
    }

    [Fact]
    public async Task A_ring_range_holds_the_hashes_after_its_begin_up_to_its_end_and_wraps_around()
    {
        await using var database = await MigratedAsync();
        await using var table = Table(database, "svc");
        await using var other = Table(database, "other-service");
        var grains = Enumerable.Range(0, 200).Select(i => GrainId.Create("case", $"C-{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "next-step", Due));
        }

        await other.UpsertRow(Entry(grains[0], "next-step", Due));
        var hashes = grains.Select(g => g.GetUniformHashCode()).ToList();
        const uint Middle = 0x8000_0000;

        var lower = await table.ReadRows(0, Middle);
        var upper = await table.ReadRows(Middle, 0);
        var whole = await table.ReadRows(0, 0);

        Assert.Equal(hashes.Count(h => h > 0 && h <= Middle), lower.Reminders.Count);
        Assert.Equal(hashes.Count(h => h > Middle || h == 0), upper.Reminders.Count);
        Assert.Equal(200, lower.Reminders.Count + upper.Reminders.Count);
        Assert.Equal(200, whole.Reminders.Count);
    }

    private static O2CReminderTable Table(NpgsqlDataSource database, string serviceId) =>
        new(database, Options.Create(new ClusterOptions { ServiceId = serviceId, ClusterId = "test" }));

    private static ReminderEntry Entry(GrainId grain, string name, DateTime startAt) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt, Period = TimeSpan.FromMinutes(1) };

    private async Task<NpgsqlDataSource> MigratedAsync()
    {
        var database = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        await new SchemaMigrator(database).MigrateAsync();
        return database;
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql, params object[] parameters)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
