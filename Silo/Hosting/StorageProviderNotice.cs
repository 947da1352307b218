using O2C.Storage;

namespace O2C.Silo.Hosting;

/// <summary>Says at start which providers store grain state and deliver reminders, so an operator never has to guess.</summary>
internal sealed partial class StorageProviderNotice(
    GrainStorageProvider provider, ReminderDelivery delivery, ReminderTableProvider reminderTable, ILogger<StorageProviderNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var tables = provider == GrainStorageProvider.O2C ? "grain_state, group-committed with query rows" : "orleansstorage, query rows after state";
        var reminders = delivery == ReminderDelivery.O2C
            ? "O2C (due rows claimed in batches; reminder rows written with the state)"
            : $"Orleans' reminder service on the {reminderTable} table";
        LogProvider(logger, provider, tables, reminders);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain storage provider: {Provider} ({Tables}); reminders (orleansreminderstable) delivered by {Reminders}; set O2C:Storage:Provider (O2C, AdoNet), O2C:Reminders:Delivery (O2C, Orleans) and O2C:Reminders:Table (O2C, AdoNet)")]
    private static partial void LogProvider(ILogger logger, GrainStorageProvider provider, string tables, string reminders);
}
