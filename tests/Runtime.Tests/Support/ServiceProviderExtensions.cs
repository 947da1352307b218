using Microsoft.Extensions.DependencyInjection;
using O2C.Runtime.Reminders;
using O2C.Runtime.Tests.TestGrains;

namespace O2C.Runtime.Tests.Support;

public static class ServiceProviderExtensions
{
    public static Gates GetGates(this IServiceProvider services) => services.GetRequiredService<Gates>();
    public static LifecycleLog GetLifecycle(this IServiceProvider services) => services.GetRequiredService<LifecycleLog>();
    public static AlarmLog GetAlarms(this IServiceProvider services) => services.GetRequiredService<AlarmLog>();

    public static Task<IReadOnlyList<IGrainReminder>> GetRequiredServiceReminders(this IServiceProvider services, GrainId grain) =>
        services.GetRequiredService<ReminderRegistry>().GetAllAsync(grain);
}
