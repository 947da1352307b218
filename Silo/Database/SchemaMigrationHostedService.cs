using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace O2C.Silo.Database;

/// <summary>Logs the database in use and applies the migrations before later hosted services start.</summary>
internal sealed class SchemaMigrationHostedService(
    SchemaMigrator migrator,
    DatabaseInfo database,
    IOptions<DatabaseOptions> options,
    ILogger<SchemaMigrationHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Embedded is { } embedded)
        {
            logger.LogInformation(
                "Database: embedded PostgreSQL ({Connection}), data folder {DataDirectory}{Reused}",
                database.SafeConnectionString,
                embedded.DataDirectory,
                embedded.OwnsServer ? "" : " (reused a server already running there; left running at exit)");
        }
        else
        {
            logger.LogInformation("Database: {Connection}", database.SafeConnectionString);
        }

        if (!options.Value.MigrateOnStart)
        {
            logger.LogWarning("Schema migrations at start are disabled (O2C:Database:MigrateOnStart=false)");
            return;
        }

        var applied = await migrator.MigrateAsync(cancellationToken);
        logger.LogInformation("Schema: {Applied} migration(s) applied, {Known} known", applied.Count, migrator.Migrations.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
