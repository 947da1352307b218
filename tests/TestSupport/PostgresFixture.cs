using Npgsql;
using O2C.Silo.Database;
using Xunit;

namespace O2C.Tests.Support;

/// <summary>
/// One PostgreSQL server per test run (per test assembly), shared through an xunit collection fixture.
/// Uses the server in <c>O2C_TEST_POSTGRES</c> (a connection string with rights to create databases) when set,
/// else an ephemeral embedded cluster in a temporary folder on a free port, tuned for speed (no fsync).
/// Each test (or test class) takes its own database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <example>
/// In each test project, once: <c>[CollectionDefinition(PostgresFixture.Collection)] public sealed class PostgresCollection : ICollectionFixture&lt;PostgresFixture&gt;;</c>
/// then <c>[Collection(PostgresFixture.Collection)] public sealed class MyTests(PostgresFixture postgres)</c>.
/// </example>
public sealed class PostgresFixture : IAsyncLifetime
{
    /// <summary>The collection name to use in <c>[CollectionDefinition]</c> and <c>[Collection]</c>.</summary>
    public const string Collection = "postgres";

    /// <summary>Environment variable holding the connection string of an existing server to use instead.</summary>
    public const string ServerVariable = "O2C_TEST_POSTGRES";

    private readonly List<string> _createdDatabases = [];
    private EmbeddedPostgres? _server;
    private string? _temporaryFolder;
    private string? _adminConnectionString;

    /// <summary>Connection string of the maintenance database (create/drop databases, inspect the server).</summary>
    public string AdminConnectionString => _adminConnectionString ?? throw new InvalidOperationException("PostgresFixture is not initialized.");

    /// <summary>The embedded server, or null when <c>O2C_TEST_POSTGRES</c> is used.</summary>
    public EmbeddedPostgres? Server => _server;

    /// <summary>Settings for the throw-away test cluster: durability off, room for many pools.</summary>
    public static IReadOnlyDictionary<string, string> FastServerSettings { get; } = new Dictionary<string, string>
    {
        ["fsync"] = "off",
        ["synchronous_commit"] = "off",
        ["full_page_writes"] = "off",
        ["max_connections"] = "300",
    };

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            _adminConnectionString = external;
            return;
        }

        _temporaryFolder = Path.Combine(Path.GetTempPath(), "o2c-test-pg-" + Guid.NewGuid().ToString("N")[..12]);
        _server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
        {
            DataDirectory = _temporaryFolder,
            Port = 0,
            ServerSettings = FastServerSettings,
        });
        _adminConnectionString = _server.AdminConnectionString;
    }

    /// <summary>
    /// Creates a new, uniquely named database, applies the Silo's schema migrations to it and returns its
    /// connection string. Call it per test (or per test class) so that tests never see each other's data.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "o2c_test")
    {
        var connectionString = await CreateEmptyDatabaseAsync(prefix);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(dataSource).MigrateAsync();
        return connectionString;
    }

    /// <summary>Like <see cref="CreateDatabaseAsync"/> but without migrations (to test migrations themselves).</summary>
    public async Task<string> CreateEmptyDatabaseAsync(string prefix = "o2c_test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using (var dataSource = NpgsqlDataSource.Create(AdminConnectionString))
        await using (var create = dataSource.CreateCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\""))
        {
            await create.ExecuteNonQueryAsync();
        }

        lock (_createdDatabases)
        {
            _createdDatabases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is null)
        {
            await DropCreatedDatabasesAsync();
            return;
        }

        await _server.DisposeAsync();
        if (_temporaryFolder is not null && Directory.Exists(_temporaryFolder))
        {
            Directory.Delete(_temporaryFolder, recursive: true);
        }
    }

    // On a shared server, leave no test databases behind (best effort).
    private async Task DropCreatedDatabasesAsync()
    {
        if (_adminConnectionString is null)
        {
            return;
        }

        await using var dataSource = NpgsqlDataSource.Create(_adminConnectionString);
        foreach (var name in _createdDatabases)
        {
            try
            {
                // The application's role of the database (Silo's AppRole) is the server's, not the database's.
                await using var drop = dataSource.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE); DROP ROLE IF EXISTS \"{name}_app\"");
                await drop.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
            }
        }
    }
}
