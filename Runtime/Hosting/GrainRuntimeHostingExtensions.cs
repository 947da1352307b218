using O2C.Clock;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using O2C.Runtime.Activation;
using O2C.Runtime.Membership;
using O2C.Runtime.Reminders;
using O2C.Runtime.Statistics;
using O2C.Runtime.Storage;

namespace O2C.Runtime;

public static class GrainRuntimeHostingExtensions
{
    /// <summary>
    /// Adds the grain runtime: activations, PostgreSQL storage with group commit, reminders,
    /// membership, the business clock and statistics, configured from the <c>O2C</c> section.
    /// Needs an <see cref="Npgsql.NpgsqlDataSource"/> in the container and the runtime schema applied.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, IConfiguration configuration, params Assembly[] grainAssemblies)
    {
        var o2c = configuration.GetSection("O2C");
        services.AddOptions<ClockOptions>().Bind(o2c.GetSection("Clock"))
            .Validate(o => o.Mode != ClockMode.Accelerated || o.Speed > 0, "O2C:Clock:Speed must be positive when O2C:Clock:Mode is Accelerated.")
            .ValidateOnStart();
        services.AddOptions<ReminderOptions>().Bind(o2c.GetSection("Reminders"))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.LeaseDuration > TimeSpan.Zero && o.BatchSize > 0 && o.MaxConcurrentDeliveries > 0,
                "O2C:Reminders: PollInterval, LeaseDuration, BatchSize and MaxConcurrentDeliveries must be positive.")
            .ValidateOnStart();
        services.AddOptions<GrainCollectionOptions>().Bind(o2c.GetSection("Grains"))
            .Validate(o => o.CollectionAge > TimeSpan.Zero && o.CollectionQuantum > TimeSpan.Zero, "O2C:Grains: CollectionAge and CollectionQuantum must be positive.")
            .ValidateOnStart();
        services.AddOptions<GrainCallOptions>().Bind(o2c.GetSection("Grains"))
            .Validate(o => o.ResponseTimeout > TimeSpan.Zero, "O2C:Grains:ResponseTimeout must be positive.")
            .ValidateOnStart();
        services.AddOptions<GrainStorageOptions>().Bind(o2c.GetSection("Storage"))
            .Validate(o => o.MaxBatchSize > 0 && o.Writers > 0, "O2C:Storage: MaxBatchSize and Writers must be positive.")
            .ValidateOnStart();
        services.AddOptions<ClusterMembershipOptions>().Bind(o2c.GetSection("Membership"))
            .Validate(o => o.HeartbeatInterval > TimeSpan.Zero && o.DeathTimeout > o.HeartbeatInterval, "O2C:Membership: DeathTimeout must exceed a positive HeartbeatInterval.")
            .ValidateOnStart();

        services.AddSingleton(sp => new BusinessClock(sp.GetRequiredService<IOptions<ClockOptions>>().Value));
        services.AddSingleton(sp => new GrainTypeRegistry(grainAssemblies.SelectMany(GrainClassesIn)));
        services.AddSingleton<GrainStatistics>();
        services.AddSingleton<SiloIdentity>();
        services.AddSingleton<GroupCommitter>();
        services.AddSingleton<GroupReader>();
        services.AddSingleton(sp => new GrainStorage(
            sp.GetRequiredService<GroupReader>(), sp.GetRequiredService<GroupCommitter>(), sp.GetRequiredService<BusinessClock>()));
        services.AddSingleton<ReminderRegistry>();
        services.AddSingleton<ReminderTable>();
        services.AddSingleton<MembershipTable>();
        services.AddSingleton<GrainRuntime>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddSingleton<IActivationControl, ActivationControl>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<IReminderDelivery>(sp => sp.GetRequiredService<ReminderService>());

        // Start order = registration order; stop order is the reverse, so the committer drains
        // last, after activations had their OnDeactivateAsync.
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommitter>());
        services.AddHostedService(sp => sp.GetRequiredService<GroupReader>());
        services.AddHostedService<MembershipService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        services.AddHostedService<ActivationCollector>();
        return services;
    }

    /// <summary>The same, for a host builder: <c>builder.AddGrainRuntime(typeof(CustomerGrain).Assembly)</c>.</summary>
    public static IHostApplicationBuilder AddGrainRuntime(this IHostApplicationBuilder builder, params Assembly[] grainAssemblies)
    {
        builder.Services.AddGrainRuntime(builder.Configuration, grainAssemblies);
        return builder;
    }

    private static IEnumerable<Type> GrainClassesIn(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(Grain)));
}
