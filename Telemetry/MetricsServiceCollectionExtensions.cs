using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace O2C.Telemetry;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="O2CMetrics"/> once per container, whichever part of the silo asks first (grains,
    /// delivery, API, dashboard), on the container's <see cref="System.Diagnostics.Metrics.IMeterFactory"/>.
    /// </summary>
    public static IServiceCollection AddO2CMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<O2CMetrics>();
        return services;
    }
}
