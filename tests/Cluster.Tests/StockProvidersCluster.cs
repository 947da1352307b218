using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using O2C.Clock;
using O2C.Grains;
using O2C.Silo.Database;
using O2C.Silo.Hosting;
using O2C.Storage;
using O2C.Tests.Support;
using TestCluster = O2C.Tests.Support.TestCluster;
using Orleans.TestingHost;

namespace O2C.Cluster.Tests;

/// <summary>
/// Three in-process silos (Orleans' <see cref="InProcessTestCluster"/>) wired by the production
/// extension methods on a fresh, migrated PostgreSQL database, with Orleans' stock AdoNet reminders
/// and AdoNet grain storage (<c>O2C:Storage:Provider=AdoNet</c>). Membership is the test cluster's
/// and its grain directory (in memory; <c>O2C:Cluster:AdoNetClustering=false</c> leaves ours
/// out: Orleans 10.4.2 keeps the options to change that internal). The silos share one
/// Manual business clock, moved by the <see cref="ClockDriver"/> registered in them.
/// </summary>
public sealed class StockProvidersCluster : IAsyncLifetime
{
    public const string Collection = "stock-providers-cluster";
    public const short SiloCount = 3;

    private static readonly TimeSpan MembershipTimeout = TimeSpan.FromSeconds(60);

    public PostgresFixture Postgres { get; } = new();

    /// <summary>The one business clock of every silo.</summary>
    public BusinessClock Clock { get; } = BusinessClock.Manual(TestCluster.Epoch);

    /// <summary>Every grain call each silo handled, with the activation that handled it.</summary>
    public ActivationRecorder Calls { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public string ServiceId => Cluster.Options.ServiceId;

    public NpgsqlDataSource Database { get; private set; } = null!;

    /// <summary>The grain factory of each silo: a call made through it starts on that silo.</summary>
    public IReadOnlyList<IGrainFactory> SiloGrains =>
        [.. Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<IGrainFactory>())];

    public ClockDriver Driver => Cluster.Silos[0].ServiceProvider.GetRequiredService<ClockDriver>();

    public async Task InitializeAsync()
    {
        await Postgres.InitializeAsync();
        var connectionString = await Postgres.CreateDatabaseAsync("o2c_cluster");
        Database = NpgsqlDataSource.Create(connectionString);

        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.Options.ConfigureFileLogging = false;
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseHostingExtensions.ConnectionStringName}"] = connectionString,
            ["O2C:Storage:Provider"] = nameof(GrainStorageProvider.AdoNet),
            ["O2C:Reminders:Delivery"] = nameof(ReminderDelivery.Orleans),
            ["O2C:Reminders:Table"] = nameof(ReminderTableProvider.AdoNet),
            ["O2C:Clock:Mode"] = nameof(ClockMode.Manual),
            ["O2C:Clock:Start"] = TestCluster.Epoch.ToString("O", CultureInfo.InvariantCulture),
            ["O2C:Clock:PollInterval"] = "00:00:00.1",
            // The test cluster brings its own membership and endpoints (in memory).
            ["O2C:Cluster:AdoNetClustering"] = "false",
            // The test cluster sets ClusterOptions after ours; the clock driver reads reminders of this ServiceId.
            ["O2C:Cluster:ClusterId"] = builder.Options.ClusterId,
            ["O2C:Cluster:ServiceId"] = builder.Options.ServiceId,
        };
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            host.Services.AddSingleton(Clock); // kept by AddBusinessClock: one clock for every silo
            host.AddO2CDatabase().AddO2CSilo().AddO2CGrains();
        });
        builder.ConfigureSilo((_, silo) => silo.Services.AddSingleton<IIncomingGrainCallFilter>(Calls));

        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await WaitForMembershipAsync();
    }

    /// <summary>Moves the shared clock to <paramref name="start"/> plus <paramref name="days"/>, delivering every reminder due on the way on whichever silo holds it.</summary>
    public Task<ClockAdvance> AdvanceToDayAsync(DateTimeOffset start, int days) => Driver.AdvanceAsync(start.AddDays(days));

    public async Task<string?> ScalarAsync(string sql, params object[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteScalarAsync() is { } value and not DBNull ? value.ToString() : null;
    }

    /// <summary>(stage, business day counted from <paramref name="start"/>'s date) of each message to the customer, in the order sent.</summary>
    public async Task<List<(string Stage, int Day)>> MessagesAsync(string customerId, DateTimeOffset start)
    {
        await using var command = Database.CreateCommand("SELECT stage, created_at FROM messages WHERE customer_id = $1 ORDER BY created_at, channel");
        command.Parameters.Add(new NpgsqlParameter { Value = customerId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, int)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), (reader.GetFieldValue<DateTimeOffset>(1) - start.Date).Days));
        }

        return rows;
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        await Postgres.DisposeAsync();
    }

    // Every silo must see the other two before a test relies on placement and the grain directory.
    // Membership runs on wall time: this waits for the cluster to form, not for business behaviour.
    private async Task WaitForMembershipAsync()
    {
        var waited = Stopwatch.StartNew();
        while (!Cluster.Silos.All(s => s.ServiceProvider.GetRequiredService<IClusterMembershipService>()
                   .CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) == SiloCount))
        {
            if (waited.Elapsed > MembershipTimeout)
            {
                throw new TimeoutException($"The {SiloCount} silos did not all see each other active within {MembershipTimeout}.");
            }

            await Task.Delay(100);
        }
    }
}
