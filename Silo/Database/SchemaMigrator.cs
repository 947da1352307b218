using System.Reflection;
using System.Text.RegularExpressions;
using DbUp;
using DbUp.Engine;
using DbUp.Postgresql;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace O2C.Silo.Database;

/// <summary>
/// Applies versioned SQL migrations once each, in version order, with DbUp (<c>dbup-postgresql</c>):
/// each script in its own transaction together with its record in <c>schema_migrations</c>
/// (<see cref="VersionJournal"/>). Around the whole run this class holds a session advisory lock, so
/// silos starting together migrate once: the first runs the scripts, the others wait and find nothing left.
/// </summary>
/// <remarks>
/// What DbUp does not do, and stays here: the lock (DbUp has none for PostgreSQL); refusing two scripts
/// of one version (DbUp keys scripts by name, so <c>0007_a</c> and <c>0007_b</c> would both run);
/// reading versions from the file names; and the readiness check <see cref="IsUpToDateAsync"/>.
/// DbUp's <c>$variable$</c> substitution is off: PostgreSQL's dollar quoting (<c>$$</c>, <c>$body$</c>) would be taken for it.
/// </remarks>
public sealed partial class SchemaMigrator
{
    /// <summary>Key of the <c>pg_advisory_lock</c> held while migrating ("O2C-MIGR" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x4F32_432D_4D49_4752;

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
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken);
        try
        {
            // DbUp is synchronous; its connections come from the same data source, outside this locked session.
            var result = await Task.Run(() => Upgrader().PerformUpgrade(), cancellationToken);
            if (!result.Successful)
            {
                throw Failure(result.ErrorScript?.Name, result.Error);
            }

            var applied = result.Scripts.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            return [.. Migrations.Where(m => applied.Contains(VersionJournal.ScriptName(m)))];
        }
        finally
        {
            // Closing the connection would release the lock too, but pooled connections are not closed.
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None);
        }
    }

    /// <summary>True when every known migration is recorded as applied (readiness).</summary>
    public Task<bool> IsUpToDateAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() => VersionJournal.ReadApplied(_dataSource) is var applied && Migrations.All(m => applied.Contains(m.Version)), cancellationToken);

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

    private UpgradeEngine Upgrader() =>
        DeployChanges.To
            .PostgresqlDatabase(new PostgresqlConnectionManager(_dataSource))
            .WithScripts(Migrations.Select(m => new SqlScript(VersionJournal.ScriptName(m), m.Sql)))
            .JournalTo(new VersionJournal(_dataSource, Migrations))
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogTo(_logger)
            .Build();

    private static InvalidOperationException Failure(string? script, Exception? error) =>
        error is PostgresException postgres
            ? new InvalidOperationException($"Migration {script} failed: {postgres.MessageText} (SQLSTATE {postgres.SqlState}, position {postgres.Position}).", error)
            : new InvalidOperationException($"Migration {script ?? "run"} failed: {error?.Message}", error);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = AdvisoryLockKey });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex(@"(?:^|[./\\])(?<version>\d{4})_(?<name>[A-Za-z0-9_\-]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
