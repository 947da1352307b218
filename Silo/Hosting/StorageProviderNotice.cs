namespace O2C.Silo.Hosting;

/// <summary>Says at start which providers store grain state and reminders, so an operator never has to guess.</summary>
internal sealed partial class StorageProviderNotice(GrainStorageProvider provider, ReminderTableProvider reminderTable, ILogger<StorageProviderNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogProvider(logger, provider, provider == GrainStorageProvider.O2C ? "grain_state, group-committed with query rows" : "orleansstorage, query rows after state", reminderTable);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain storage provider: {Provider} ({Tables}); reminder table: {ReminderTable} (orleansreminderstable); set O2C:Storage:Provider and O2C:Reminders:Table to O2C or AdoNet")]
    private static partial void LogProvider(ILogger logger, GrainStorageProvider provider, string tables, ReminderTableProvider reminderTable);
}
