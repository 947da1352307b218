using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace O2C.Silo.Database;

/// <summary>
/// Applies versioned SQL migrations once each, in version order, recording them in
/// <c>schema_migrations</c>. Each migration runs in its own transaction together with its record; the whole
/// run holds a session advisory lock so silos starting together apply each migration exactly once.
/// </summary>
public sealed partial class SchemaMigrator
{
    /// <summary>Key of the <c>pg_advisory_lock</c> held while migrating ("O2C-MIGR" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x4F32_432D_4D49_4752;

    private const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version int PRIMARY KEY,
            name text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now())
        """;

    private static readonly Lazy<IReadOnlyList<SchemaMigration>> Embedded = new(() => LoadFrom(typeof(SchemaMigrator).Assembly));

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>Migrator for the SQL files embedded in the Silo assembly.</summary>
    public SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator>? logger = null)
        : this(dataSource, EmbeddedMigrations, logger)
    {
    }

    /// <summary>Migrator for an explicit list (tests).</summary>
    public SchemaMigrator(NpgsqlDataSource dataSource, IEnumerable<SchemaMigration> migrations, ILogger<SchemaMigrator>? logger = null)
    {
        _dataSource = dataSource;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Migrations = [.. migrations.OrderBy(m => m.Version)];
        var duplicate = Migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }
    }

    /// <summary>The <c>Migrations/NNNN_name.sql</c> files embedded in the Silo assembly, by version.</summary>
    public static IReadOnlyList<SchemaMigration> EmbeddedMigrations => Embedded.Value;

    /// <summary>The migrations this migrator knows, by version.</summary>
    public IReadOnlyList<SchemaMigration> Migrations { get; }

    /// <summary>Applies the migrations not yet recorded; returns those applied by this call (empty when up to date).</summary>
    public async Task<IReadOnlyList<SchemaMigration>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock($1)", cancellationToken, AdvisoryLockKey);
        try
        {
            await ExecuteAsync(connection, null, CreateTableSql, cancellationToken);
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var done = new List<SchemaMigration>();
            foreach (var migration in Migrations.Where(m => !applied.Contains(m.Version)))
            {
                await ApplyAsync(connection, migration, cancellationToken);
                done.Add(migration);
            }

            return done;
        }
        finally
        {
            // Closing the connection would release the lock too, but pooled connections are not closed.
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock($1)", CancellationToken.None, AdvisoryLockKey);
        }
    }

    /// <summary>True when every known migration is recorded as applied (readiness).</summary>
    public async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return false;
        }

        var applied = await ReadAppliedAsync(connection, cancellationToken);
        return Migrations.All(m => applied.Contains(m.Version));
    }

    /// <summary>Reads <c>NNNN_name.sql</c> resources from an assembly (the Silo embeds <c>Migrations/*.sql</c>).</summary>
    public static IReadOnlyList<SchemaMigration> LoadFrom(Assembly assembly)
    {
        var migrations = new List<SchemaMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = FileNamePattern().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new SchemaMigration(int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["name"].Value, reader.ReadToEnd()));
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }

    private async Task ApplyAsync(NpgsqlConnection connection, SchemaMigration migration, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Applying migration {Version:0000} {Name}", migration.Version, migration.Name);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (HasStatements(migration.Sql))
        {
            try
            {
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            }
            catch (PostgresException e)
            {
                throw new InvalidOperationException($"Migration {migration.Version:0000}_{migration.Name} failed: {e.MessageText} (SQLSTATE {e.SqlState}, position {e.Position}).", e);
            }
        }

        await ExecuteAsync(connection, transaction, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", cancellationToken, migration.Version, migration.Name);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<HashSet<int>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // A script of only comments and whitespace: nothing to execute, but it is still recorded.
    private static bool HasStatements(string sql) =>
        !string.IsNullOrWhiteSpace(CommentPattern().Replace(sql, "").Replace(";", "", StringComparison.Ordinal));

    [GeneratedRegex(@"(?:^|[./\\])(?<version>\d{4})_(?<name>[A-Za-z0-9_\-]+)\.sql$")]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();
}
