using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using O2C.Clock;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace O2C.Storage;

public static class StorageHostingExtensions
{
    /// <summary>
    /// The group committer that writes what grains stage beside their state (<see cref="GrainRows"/>),
    /// configured from <c>O2C:Storage</c>. Needed whichever grain storage provider is in use.
    /// </summary>
    public static ISiloBuilder AddGrainRows(this ISiloBuilder silo, IConfiguration configuration)
    {
        var services = silo.Services;
        services.AddOptions<GrainStorageOptions>().Bind(configuration.GetSection("O2C:Storage"))
            .Validate(o => o.MaxBatchSize > 0 && o.Writers > 0, "O2C:Storage: MaxBatchSize and Writers must be positive.")
            .ValidateOnStart();
        services.AddSingleton<GroupCommitter>();
        services.AddSingleton<GroupReader>();
        services.AddOptions<DueReminderOptions>().Bind(configuration.GetSection("O2C:Reminders"))
            .Validate(o => o.MaxInFlight > 0 && o.ClaimBatchSize > 1, "O2C:Reminders: MaxInFlight must be positive and ClaimBatchSize at least 2.")
            .Validate(o => o.Lease > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero, "O2C:Reminders: Lease and PollInterval must be positive.")
            .Validate(o => o.RetryAfterFailure > TimeSpan.Zero && o.RetryAfterFailure <= o.Lease, "O2C:Reminders: RetryAfterFailure must be positive and at most Lease.")
            .ValidateOnStart();
        services.AddSingleton(sp => new GrainRows(
            sp.GetRequiredService<GroupCommitter>(),
            sp.GetRequiredService<BusinessClock>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            sp.GetRequiredService<IOptions<DueReminderOptions>>().Value.Delivery,
            sp.GetRequiredService<IOptions<GrainStorageOptions>>().Value.RowsWithState));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, StorageLifecycle>();
        return silo;
    }

    /// <summary>Registers <see cref="O2CGrainStorage"/> as the grain storage called <paramref name="name"/>.</summary>
    public static ISiloBuilder AddO2CGrainStorage(this ISiloBuilder silo, string name)
    {
        silo.Services.PostConfigure<GrainStorageOptions>(o => o.RowsWithState = true);
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) =>
            new O2CGrainStorage(sp.GetRequiredService<GroupReader>(), sp.GetRequiredService<GrainRows>()));
        return silo;
    }

    /// <summary>
    /// Grains' reminders delivered by <see cref="DueReminderDelivery"/> (<see cref="ReminderDelivery.O2C"/>)
    /// instead of Orleans' reminder service, which must then not be added: it would fire the same rows.
    /// The reminder table alone is registered, for readers such as the Orleans Dashboard's reminders page.
    /// </summary>
    public static ISiloBuilder AddDueReminderDelivery(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IReminderTable, O2CReminderTable>();
        silo.Services.AddSingleton<DueReminderDelivery>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<DueReminderDelivery>());
        return silo;
    }

    /// <summary>Orleans' reminder service on <see cref="O2CReminderTable"/>.</summary>
    public static ISiloBuilder AddO2CReminderTable(this ISiloBuilder silo)
    {
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable, O2CReminderTable>();
        return silo;
    }
}
