using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace O2C.Silo.Database;

/// <summary>Wires PostgreSQL into the silo: connection, embedded server for development, migrations, health.</summary>
public static partial class DatabaseHostingExtensions
{
    public const string ConnectionStringName = "O2C";
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    /// <summary>
    /// Uses <c>ConnectionStrings:O2C</c> when set; otherwise starts (synchronously, now) an embedded PostgreSQL in
    /// <c>O2C:Database:DataDirectory</c> and writes its connection string back to <c>ConnectionStrings:O2C</c>.
    /// Registers <see cref="NpgsqlDataSource"/>, <see cref="SchemaMigrator"/>, <see cref="DatabaseInfo"/>, a hosted
    /// service applying migrations at start and the readiness check. Call it before any other hosted service is
    /// registered: hosted services start in registration order and stop in reverse, so the database comes up
    /// first and the embedded server stops last.
    /// </summary>
    public static IHostApplicationBuilder AddO2CDatabase(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(DatabaseOptions.SectionName);
        services.Configure<DatabaseOptions>(section);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();

        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        EmbeddedPostgres? embedded = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            embedded = StartEmbedded(options);
            connectionString = embedded.ConnectionString;
            builder.Configuration[$"ConnectionStrings:{ConnectionStringName}"] = connectionString;

            // Factory registration: the container disposes (stops) it even if the host never starts cleanly.
            services.AddSingleton(_ => embedded);
            services.AddHostedService<EmbeddedPostgresHostedService>();
        }

        var database = new DatabaseInfo(Tuned(connectionString, options.MaxPoolSize), embedded);
        services.AddSingleton(database);
        services.AddSingleton(sp => new OwnerDataSource(new NpgsqlDataSourceBuilder(database.ConnectionString)
            .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
            .Build()));

        // The application connects as its least-privileged role (O2C:Database:LeastPrivilege), set up
        // here, when first needed; tables the migrations create later get its grants by default privileges.
        services.AddSingleton(sp =>
        {
            var connection = options.LeastPrivilege
                ? AppRole.PrepareAsync(database.ConnectionString, sp.GetRequiredService<ILogger<OwnerDataSource>>()).GetAwaiter().GetResult() ?? database.ConnectionString
                : database.ConnectionString;
            // Named: the pool's metrics (db.client.connection.*) carry "o2c" instead of the connection string.
            return new NpgsqlDataSourceBuilder(connection) { Name = "o2c" }
                .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
                // SQL is traced inside a trace (a request, a grain call, a clock advance, a group commit),
                // never as traces of its own: the pollers of reminders, messages and the clock would fill
                // the backend with a root span per poll.
                .ConfigureTracing(tracing => tracing
                    .ConfigureCommandFilter(_ => Activity.Current is not null)
                    .ConfigureBatchFilter(_ => Activity.Current is not null))
                .Build();
        });
        services.AddSingleton(sp => new SchemaMigrator(sp.GetRequiredService<OwnerDataSource>().DataSource, sp.GetRequiredService<ILogger<SchemaMigrator>>()));
        services.AddHostedService<SchemaMigrationHostedService>();

        // Npgsql logs every command at Information; keep that out of normal logs unless configured.
        if (builder.Configuration["Logging:LogLevel:Npgsql.Command"] is null)
        {
            builder.Logging.AddFilter("Npgsql.Command", LogLevel.Warning);
        }

        services.AddHealthChecks()
            .AddCheck<DatabaseReadinessCheck>("database", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c>: 200 while the process serves requests (no check runs).
    /// <c>/health/ready</c>: 200 when the database answers and every migration is applied, else 503.
    /// </summary>
    public static WebApplication MapO2CHealth(this WebApplication app)
    {
        // Probes (load balancers, orchestrators) have no key; the answers say nothing about the data.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }

    private static EmbeddedPostgres StartEmbedded(DatabaseOptions options)
    {
        // Relative to the working directory (not the content root), so data stays where the silo is run from.
        var embeddedOptions = new EmbeddedPostgresOptions
        {
            DataDirectory = Path.GetFullPath(options.DataDirectory, Environment.CurrentDirectory),
            Port = options.Port,
            FallBackToFreePort = true,
        };

        // Builder setup is synchronous and the connection string must exist before services are built.
        return EmbeddedPostgres.StartAsync(embeddedOptions).GetAwaiter().GetResult();
    }

    private static string Tuned(string connectionString, int maxPoolSize)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!MaxPoolSizeKey().IsMatch(connectionString))
        {
            builder.MaxPoolSize = maxPoolSize;
        }

        // The runtime sends the same few statements (state writes, reminder claims, projections)
        // millions of times; prepared once per connection they skip parse and plan.
        if (!MaxAutoPrepareKey().IsMatch(connectionString))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        // Returning a connection to the pool would otherwise cost a reset round trip (RESET ALL,
        // advisory unlock, ...) on its next use: four statements per grain write or query. Nothing
        // here leaves session state behind (the migrator releases its advisory lock itself).
        if (!NoResetOnCloseKey().IsMatch(connectionString))
        {
            builder.NoResetOnClose = true;
        }

        // Short statements run millions of times: compiling one with LLVM costs more than running it
        // (a case gather took 300 ms with JIT, 2 ms without).
        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = "-c jit=off";
        }

        return builder.ConnectionString;
    }

    [GeneratedRegex(@"(^|;)\s*(Maximum Pool Size|Max Pool Size|MaxPoolSize)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex MaxPoolSizeKey();

    [GeneratedRegex(@"(^|;)\s*(Max Auto Prepare|MaxAutoPrepare)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex MaxAutoPrepareKey();

    [GeneratedRegex(@"(^|;)\s*(No Reset On Close|NoResetOnClose)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex NoResetOnCloseKey();
}
