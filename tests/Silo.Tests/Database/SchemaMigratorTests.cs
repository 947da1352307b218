using Npgsql;
using O2C.Silo.Database;
using O2C.Tests.Support;

namespace O2C.Silo.Tests.Database;

[Collection(PostgresFixture.Collection)]
public sealed class SchemaMigratorTests(PostgresFixture postgres)
{
    private static readonly SchemaMigration[] TestMigrations =
    [
        // Not idempotent on purpose: applying either twice fails.
        new(1, "accounts", "CREATE TABLE accounts (id int PRIMARY KEY); SELECT pg_sleep(0.2);"),
        new(2, "balance", """
            ALTER TABLE accounts ADD COLUMN balance numeric NOT NULL DEFAULT 0;
            CREATE FUNCTION add_one(x int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN x + 1; END; $$;
            """),
        new(3, "comment_only", "-- nothing to do yet\n/* still nothing */\n"),
    ];

    [Fact]
    public void The_placeholder_runtime_migration_is_embedded()
    {
        var first = SchemaMigrator.EmbeddedMigrations[0];

        Assert.Equal((1, "runtime"), (first.Version, first.Name));
        Assert.Equal(SchemaMigrator.EmbeddedMigrations.OrderBy(m => m.Version), SchemaMigrator.EmbeddedMigrations);
    }

    [Fact]
    public async Task Embedded_migrations_are_applied_once_and_recorded()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateEmptyDatabaseAsync());
        var migrator = new SchemaMigrator(dataSource);
        Assert.False(await migrator.IsUpToDateAsync());

        var applied = await migrator.MigrateAsync();

        Assert.Equal(SchemaMigrator.EmbeddedMigrations.Select(m => m.Version), applied.Select(m => m.Version));
        Assert.True(await migrator.IsUpToDateAsync());
        Assert.Equal(
            SchemaMigrator.EmbeddedMigrations.Select(m => $"{m.Version}:{m.Name}"),
            await RecordedAsync(dataSource));
    }

    [Fact]
    public async Task A_second_run_is_a_no_op()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateEmptyDatabaseAsync());
        var migrator = new SchemaMigrator(dataSource, TestMigrations);

        Assert.Equal(3, (await migrator.MigrateAsync()).Count);
        Assert.Empty(await migrator.MigrateAsync());
        Assert.Equal(["1:accounts", "2:balance", "3:comment_only"], await RecordedAsync(dataSource));
        await using var call = dataSource.CreateCommand("SELECT add_one(41)");
        Assert.Equal(42, await call.ExecuteScalarAsync());
    }

    [Fact]
    public async Task New_migrations_are_applied_after_the_recorded_ones()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateEmptyDatabaseAsync());
        await new SchemaMigrator(dataSource, TestMigrations[..1]).MigrateAsync();
        var later = new SchemaMigrator(dataSource, TestMigrations);
        Assert.False(await later.IsUpToDateAsync());

        var applied = await later.MigrateAsync();

        Assert.Equal([2, 3], applied.Select(m => m.Version));
        Assert.True(await later.IsUpToDateAsync());
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_with_its_record_and_named_in_the_error()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateEmptyDatabaseAsync());
        SchemaMigration[] migrations =
        [
            TestMigrations[0],
            new(2, "broken", "CREATE TABLE half_done (id int); SELECT * FROM no_such_table;"),
        ];

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SchemaMigrator(dataSource, migrations).MigrateAsync());

        Assert.Contains("0002_broken", error.Message, StringComparison.Ordinal);
        Assert.Equal(["1:accounts"], await RecordedAsync(dataSource));
        await using var check = dataSource.CreateCommand("SELECT to_regclass('half_done') IS NULL");
        Assert.Equal(true, await check.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Two_concurrent_migrators_on_a_fresh_database_apply_each_migration_exactly_once()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        await using var first = NpgsqlDataSource.Create(connectionString);
        await using var second = NpgsqlDataSource.Create(connectionString);
        using var bothReady = new Barrier(2);

        var runs = await Task.WhenAll(
            Task.Run(() => { bothReady.SignalAndWait(); return new SchemaMigrator(first, TestMigrations).MigrateAsync(); }),
            Task.Run(() => { bothReady.SignalAndWait(); return new SchemaMigrator(second, TestMigrations).MigrateAsync(); }));

        var appliedVersions = runs.SelectMany(run => run.Select(m => m.Version)).Order();
        Assert.Equal([1, 2, 3], appliedVersions);
        Assert.Equal(["1:accounts", "2:balance", "3:comment_only"], await RecordedAsync(first));
    }

    [Fact]
    public void Duplicate_versions_are_rejected()
    {
        using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1");
        var error = Assert.Throws<InvalidOperationException>(() => new SchemaMigrator(dataSource, [new(1, "a", ""), new(1, "b", "")]));
        Assert.Contains("version 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_migrated_before_dbup_is_adopted_from_its_journal_without_running_a_script_again()
    {
        // What the hand-rolled migrator left: the objects and its schema_migrations rows (one under an older file name).
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateEmptyDatabaseAsync());
        await using (var before = dataSource.CreateCommand(
            """
            CREATE TABLE schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE accounts (id int PRIMARY KEY);
            INSERT INTO schema_migrations (version, name) VALUES (1, 'accounts_v0');
            """))
        {
            await before.ExecuteNonQueryAsync();
        }

        var migrator = new SchemaMigrator(dataSource, TestMigrations);
        var applied = await migrator.MigrateAsync();

        // Version 1 would fail if run again (its table exists); 2 and 3 are new.
        Assert.Equal([2, 3], applied.Select(m => m.Version));
        Assert.Equal(["1:accounts_v0", "2:balance", "3:comment_only"], await RecordedAsync(dataSource));
        Assert.True(await migrator.IsUpToDateAsync());
    }

    private static async Task<List<string>> RecordedAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT version, name FROM schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetInt32(0)}:{reader.GetString(1)}");
        }

        return rows;
    }
}
