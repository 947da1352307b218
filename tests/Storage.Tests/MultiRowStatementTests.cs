using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using O2C.Tests.Support;

namespace O2C.Storage.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class MultiRowStatementTests(PostgresFixture postgres)
{
    private static readonly MultiRowStatement Upsert = MultiRowStatement.Keyed(
        "INSERT INTO things (id, amount) SELECT * FROM {rows} ON CONFLICT (id) DO UPDATE SET amount = excluded.amount",
        "id text", "amount numeric");

    private static readonly MultiRowStatement Insert = MultiRowStatement.Appended(
        "INSERT INTO things (id, amount) SELECT * FROM {rows}", "id text", "amount numeric");

    [Fact]
    public async Task Keyed_rows_of_one_group_send_the_last_row_of_each_key()
    {
        await using var database = await ThingsAsync();

        await ExecuteAsync(database, Upsert, [["a", 1m], ["b", 2m], ["a", 3m], ["c", 4m], ["b", 5m]]);

        Assert.Equal(["a=3.00", "b=5.00", "c=4.00"], await ThingsInAsync(database));
    }

    [Fact]
    public async Task Appended_rows_keep_duplicates_so_a_unique_key_still_fails()
    {
        await using var database = await ThingsAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database, Insert, [["a", 1m], ["a", 2m]]));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
        Assert.Empty(await ThingsInAsync(database));
    }

    [Fact]
    public async Task Every_column_type_goes_in_with_its_nulls()
    {
        await using var database = await ThingsAsync();
        await using (var create = database.CreateCommand(
            "CREATE TABLE typed (t text, j jsonb, n numeric, i int, b bigint, f boolean, d date, ts timestamptz)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var all = MultiRowStatement.Appended(
            "INSERT INTO typed SELECT * FROM {rows}",
            "t text", "j jsonb", "n numeric", "i int", "b bigint", "f boolean", "d date", "ts timestamptz");
        var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        await ExecuteAsync(database, all, [
            ["x", new Jsonb("""{"k":1}"""), 1.5m, 7, 8L, true, new DateOnly(2026, 1, 5), at],
            [null, null, null, null, null, null, null, null],
        ]);

        await using var read = database.CreateCommand(
            "SELECT coalesce(t, '-') || '|' || coalesce(j->>'k', '-') || '|' || coalesce(n::text, '-') || '|' || coalesce(i::text, '-') || '|' || " +
            "coalesce(b::text, '-') || '|' || coalesce(f::text, '-') || '|' || coalesce(d::text, '-') || '|' || coalesce((ts = '2026-01-05T09:00:00Z')::text, '-') " +
            "FROM typed ORDER BY t NULLS LAST");
        var rows = new List<string>();
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        Assert.Equal(["x|1|1.5|7|8|true|2026-01-05|true", "-|-|-|-|-|-|-|-"], rows);
    }

    [Fact]
    public async Task Writes_in_one_group_commit_share_the_statement_and_a_duplicate_fails_only_its_own_write()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using (var setup = NpgsqlDataSource.Create(connectionString))
        {
            await using var create = setup.CreateCommand("CREATE TABLE things (id text PRIMARY KEY, amount numeric(18,2) NOT NULL)");
            await create.ExecuteNonQueryAsync();
        }

        await using var database = NpgsqlDataSource.Create(connectionString);
        var committer = new GroupCommitter(database, Options.Create(new GrainStorageOptions()), NullLogger<GroupCommitter>.Instance);
        await committer.StartAsync(CancellationToken.None);

        // Queued together, so they meet in few group commits; "dup" is taken twice.
        var writes = Enumerable.Range(0, 40)
            .Select(i => committer.CommitAsync(null, [], [new QueuedRow(Insert, [i % 20 == 7 ? "dup" : $"t{i}", (decimal)i])]))
            .ToList();
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w;
                return "ok";
            }
            catch (PostgresException error)
            {
                return error.SqlState;
            }
        }));

        Assert.Equal(39, outcomes.Count(o => o == "ok"));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.Single(outcomes, o => o != "ok"));
        Assert.Equal(39, (await ThingsInAsync(database)).Count);
    }

    [Fact]
    public void Mistakes_are_named_when_the_statement_is_declared_or_a_row_is_given()
    {
        Assert.Contains("{rows}", Assert.Throws<ArgumentException>(() => MultiRowStatement.Appended("INSERT INTO things VALUES ($1)", "id text")).Message);
        Assert.Contains("money", Assert.Throws<ArgumentException>(() => MultiRowStatement.Appended("SELECT * FROM {rows}", "amount money")).Message);
        Assert.Contains("2 columns; 1 values", Assert.Throws<ArgumentException>(() => new CommitRows().Project(Upsert, "a")).Message);
        Assert.Contains("Column amount (numeric) was given a Int32", Assert.Throws<ArgumentException>(() => Upsert.ToBatchCommand([["a", 1]])).Message);
    }

    private async Task<NpgsqlDataSource> ThingsAsync()
    {
        var database = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        await using var create = database.CreateCommand("CREATE TABLE things (id text PRIMARY KEY, amount numeric(18,2) NOT NULL)");
        await create.ExecuteNonQueryAsync();
        return database;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, MultiRowStatement statement, List<object?[]> rows)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(statement.ToBatchCommand(rows));
        await batch.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ThingsInAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT id || '=' || amount FROM things ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
