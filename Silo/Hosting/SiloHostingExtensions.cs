using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Npgsql;
using O2C.Api.Auth;
using O2C.Clock;
using O2C.Storage;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Reminders;

namespace O2C.Silo.Hosting;

public static class SiloHostingExtensions
{
    private const string Invariant = "Npgsql";

    /// <summary>
    /// The business clock, and Orleans co-hosted with ASP.NET Core: clustering, grain storage
    /// (<c>O2C:Storage:Provider</c>) and reminders on the PostgreSQL of <c>AddO2CDatabase</c>, which
    /// must be called first (its migrations create Orleans' tables), and the Orleans Dashboard.
    /// </summary>
    public static IHostApplicationBuilder AddO2CSilo(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var cluster = configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();
        var provider = configuration.GetValue("O2C:Storage:Provider", GrainStorageProvider.O2C);
        var reminderTable = configuration.GetValue("O2C:Reminders:Table", ReminderTableProvider.O2C);
        var delivery = configuration.GetValue("O2C:Reminders:Delivery", ReminderDelivery.O2C);

        builder.AddO2CClock(cluster.ServiceId, delivery);
        builder.Services.AddHostedService(sp => new LegacyReminderImport(
            sp.GetRequiredService<NpgsqlDataSource>(), cluster.ServiceId, sp.GetRequiredService<ILogger<LegacyReminderImport>>()));
        builder.Services.AddHostedService(sp => new StorageProviderNotice(provider, delivery, reminderTable, sp.GetRequiredService<ILogger<StorageProviderNotice>>()));
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            if (cluster.AdoNetClustering)
            {
                silo.ConfigureEndpoints(AdvertisedAddress(cluster.AdvertisedHost), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                silo.UseAdoNetClustering(o => o.Configure<NpgsqlDataSource>((options, db) =>
                {
                    options.Invariant = Invariant;
                    options.DataSource = db;
                }));
            }

            if (delivery == ReminderDelivery.O2C)
            {
                silo.AddDueReminderDelivery();
            }
            else if (reminderTable == ReminderTableProvider.AdoNet)
            {
                silo.UseAdoNetReminderService(o => o.Configure<NpgsqlDataSource>((options, db) =>
                {
                    options.Invariant = Invariant;
                    options.DataSource = db;
                }));
            }
            else
            {
                silo.AddO2CReminderTable();
            }

            silo.AddGrainRows(configuration);
            if (provider == GrainStorageProvider.AdoNet)
            {
                silo.AddAdoNetGrainStorage(StorageNames.Grains, o => o.Configure<NpgsqlDataSource>((options, db) =>
                {
                    options.Invariant = Invariant;
                    options.DataSource = db;
                }));
            }
            else
            {
                silo.AddO2CGrainStorage(StorageNames.Grains);
            }

            // JSON without .NET type names, so renaming a state class keeps its stored state readable.
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = configuration.GetValue("O2C:Grains:ResponseTimeout", o.ResponseTimeout));
            silo.Configure<GrainCollectionOptions>(o =>
            {
                o.CollectionAge = configuration.GetValue("O2C:Grains:CollectionAge", o.CollectionAge);
                o.CollectionQuantum = configuration.GetValue("O2C:Grains:CollectionQuantum", o.CollectionQuantum);
            });
            silo.AddDashboard();

            // A grain call is a span (Microsoft.Orleans.Runtime / .Application) in its caller's trace.
            silo.AddActivityPropagation();
        });
        return builder;
    }

    /// <summary>
    /// The business clock from <c>O2C:Clock</c>, anchored cluster-wide in PostgreSQL, as the time of
    /// Orleans' reminders (membership and messaging stay on wall time), and the driver behind
    /// <c>POST /v1/clock/advance</c>.
    /// </summary>
    public static IHostApplicationBuilder AddO2CClock(this IHostApplicationBuilder builder, string serviceId, ReminderDelivery delivery)
    {
        var services = builder.Services;
        services.AddBusinessClock(builder.Configuration);
        services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, (sp, _) => sp.GetRequiredService<BusinessClock>());
        services.AddOptions<ReminderOptions>().Configure<BusinessClock>((options, clock) =>
        {
            if (clock.Mode != ClockMode.Manual)
            {
                return;
            }

            // A Manual clock jumps: every reminder must be loaded before a jump passes it, and one
            // taken over from another silo must be noticed within a moment of wall time.
            options.ReminderLoadingWindow = TimeSpan.FromDays(3650);
            options.RefreshReminderListPeriod = TimeSpan.FromSeconds(1);
        });
        services.AddSingleton(sp => new ClockDriver(
            sp.GetRequiredService<ClusterClock>(), sp.GetRequiredService<NpgsqlDataSource>(), serviceId,
            retryAtNextTick: delivery == ReminderDelivery.Orleans,
            sp.GetRequiredService<IOptions<ClockOptions>>(), sp.GetRequiredService<ILogger<ClockDriver>>()));
        return builder;
    }

    /// <summary>The Orleans Dashboard at <c>/orleans/</c>.</summary>
    public static WebApplication MapO2CClusterDashboard(this WebApplication app)
    {
        // Operators only; a browser without a key is sent to /signin, whose cookie the dashboard's own requests carry.
        app.MapOrleansDashboard(routePrefix: "/orleans").RequireAuthorization(ApiRoles.OperatorPolicy);
        return app;
    }

    private static IPAddress AdvertisedAddress(string host) =>
        IPAddress.TryParse(host, out var address)
            ? address
            : Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
              ?? throw new InvalidOperationException($"O2C:Cluster:AdvertisedHost '{host}' has no IPv4 address.");
}
