using Npgsql;
using O2C.Bench.Cli;
using O2C.Bench.Reporting;
using O2C.Silo.Database;

namespace O2C.Bench.Hosting;

/// <summary>
/// The PostgreSQL a run measures: an embedded throw-away server with durability on (fsync and
/// synchronous_commit, as in production: durability is part of the measurement), or the server of
/// <c>--connection</c>. Each scenario gets its own migrated database (on an external server: the
/// given database, with run-unique ids keeping runs apart).
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, string> DurableSettings = new Dictionary<string, string>
    {
        ["fsync"] = "on",
        ["synchronous_commit"] = "on",
        ["full_page_writes"] = "on",
        ["max_connections"] = "300",
    };

    private readonly EmbeddedPostgres? _server;
    private readonly string? _folder;
    private readonly string? _external;

    private BenchDatabase(EmbeddedPostgres? server, string? folder, string? external)
    {
        _server = server;
        _folder = folder;
        _external = external;
    }

    /// <summary>Connection string of the database the ceilings run in.</summary>
    public string ConnectionString => _external ?? _server!.ConnectionString;

    public bool Embedded => _server is not null;

    public static async Task<BenchDatabase> StartAsync(BenchOptions options, CancellationToken cancellationToken = default)
    {
        if (options.Connection is { } external)
        {
            await MigrateAsync(external, cancellationToken);
            return new BenchDatabase(null, null, external);
        }

        var folder = Path.Combine(Path.GetTempPath(), "o2c-bench-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var settings = new Dictionary<string, string>(DurableSettings);
        foreach (var (name, value) in options.PostgresSettings)
        {
            settings[name] = value;
        }

        var server = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions { DataDirectory = folder, Port = 0, ServerSettings = settings, Database = "bench" },
            cancellationToken);
        await MigrateAsync(server.ConnectionString, cancellationToken);
        return new BenchDatabase(server, folder, null);
    }

    /// <summary>A fresh migrated database for one scenario's silo (on an external server: the given one).</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (_server is null)
        {
            return _external!;
        }

        var database = $"bench_{name.Replace('-', '_')}_{Guid.NewGuid():N}"[..40];
        await using (var admin = NpgsqlDataSource.Create(_server.AdminConnectionString))
        {
            await using var create = admin.CreateCommand($"CREATE DATABASE {database}");
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = database }.ConnectionString;
        await MigrateAsync(connectionString, cancellationToken);
        return connectionString;
    }

    public async Task<PostgresInfo> DescribeAsync(CancellationToken cancellationToken = default)
    {
        await using var source = NpgsqlDataSource.Create(ConnectionString);
        await using var version = source.CreateCommand("SHOW server_version");
        var text = (string)(await version.ExecuteScalarAsync(cancellationToken))!;
        var settings = new Dictionary<string, string>();
        foreach (var name in PostgresInfo.SettingNames)
        {
            await using var show = source.CreateCommand($"SELECT current_setting('{name}', true)");
            if (await show.ExecuteScalarAsync(cancellationToken) is string value)
            {
                settings[name] = value;
            }
        }

        return new PostgresInfo($"PostgreSQL {text}", Embedded, settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        await _server.DisposeAsync();
        try
        {
            Directory.Delete(_folder!, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(source).MigrateAsync(cancellationToken);
    }
}
