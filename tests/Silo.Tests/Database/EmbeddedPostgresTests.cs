using System.Diagnostics;
using System.Globalization;
using Npgsql;
using O2C.Silo.Database;
using O2C.Tests.Support;

namespace O2C.Silo.Tests.Database;

/// <summary>Each test runs its own cluster in its own folder (these tests are about the cluster itself).</summary>
public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("o2c-embedded");

    private EmbeddedPostgresOptions Options => new()
    {
        DataDirectory = _folder.Path,
        Port = 0,
        ServerSettings = PostgresFixture.FastServerSettings,
    };

    // Default durability (fsync, synchronous commit): these tests stop or kill the server and read back.
    private EmbeddedPostgresOptions DurableOptions => new() { DataDirectory = _folder.Path, Port = 0 };

    [Fact]
    public async Task Starts_creates_the_database_and_stops()
    {
        var server = await EmbeddedPostgres.StartAsync(Options);
        try
        {
            Assert.True(server.OwnsServer);
            Assert.Equal("o2c", await ScalarAsync<string>(server.ConnectionString, "SELECT current_database()"));
            Assert.True(File.Exists(Path.Combine(_folder.Path, "pgdata", "PG_VERSION")));
            Assert.Contains("server started", await File.ReadAllTextAsync(server.LogFile), StringComparison.Ordinal);
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.False(await server.IsRunningAsync(), "pg_ctl status still reports a server after dispose");
        await server.DisposeAsync(); // idempotent
    }

    [Fact]
    public async Task Data_survives_a_restart_on_the_same_folder()
    {
        await using (var first = await EmbeddedPostgres.StartAsync(DurableOptions))
        {
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        }

        await using var second = await EmbeddedPostgres.StartAsync(DurableOptions);
        Assert.Equal(42, await ScalarAsync<int>(second.ConnectionString, "SELECT id FROM kept"));
    }

    [Fact]
    public async Task Starts_after_a_killed_server_left_a_stale_postmaster_pid()
    {
        var first = await EmbeddedPostgres.StartAsync(DurableOptions);
        await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");
        var pidFile = Path.Combine(first.ClusterDirectory, "postmaster.pid");
        var pid = int.Parse((await File.ReadAllLinesAsync(pidFile))[0], CultureInfo.InvariantCulture);
        using (var postmaster = Process.GetProcessById(pid))
        {
            postmaster.Kill(); // SIGKILL: no shutdown, postmaster.pid stays behind
            await postmaster.WaitForExitAsync();
        }

        Assert.True(File.Exists(pidFile), "the killed server should have left postmaster.pid behind");

        await using var second = await EmbeddedPostgres.StartAsync(DurableOptions);
        Assert.True(second.OwnsServer);
        Assert.Equal(7, await ScalarAsync<int>(second.ConnectionString, "SELECT id FROM kept"));
    }

    [Fact]
    public async Task A_running_server_on_the_same_folder_is_reused_and_left_running()
    {
        await using var owner = await EmbeddedPostgres.StartAsync(Options);
        var reuser = await EmbeddedPostgres.StartAsync(Options);

        Assert.False(reuser.OwnsServer);
        Assert.Equal(owner.Port, reuser.Port);
        await reuser.DisposeAsync();

        Assert.True(await owner.IsRunningAsync(), "disposing the reusing instance stopped the owner's server");
        Assert.Equal(1, await ScalarAsync<int>(owner.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task Two_starts_at_once_on_a_fresh_folder_share_one_server()
    {
        var starts = await Task.WhenAll(
            Task.Run(() => EmbeddedPostgres.StartAsync(Options)),
            Task.Run(() => EmbeddedPostgres.StartAsync(Options)));
        try
        {
            Assert.Single(starts, server => server.OwnsServer);
            Assert.Equal(starts[0].Port, starts[1].Port);
        }
        finally
        {
            foreach (var server in starts.OrderBy(server => server.OwnsServer))
            {
                await server.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Start_failure_reports_the_last_lines_of_the_log()
    {
        var options = new EmbeddedPostgresOptions
        {
            DataDirectory = _folder.Path,
            Port = 0,
            ServerSettings = new Dictionary<string, string> { ["no_such_setting"] = "1" },
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EmbeddedPostgres.StartAsync(options));

        Assert.Contains("PostgreSQL did not start", error.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_setting", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
