using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace O2C.Clock;

public static class BusinessClockHostingExtensions
{
    public const string SectionName = "O2C:Clock";

    /// <summary>
    /// Adds the <see cref="BusinessClock"/> singleton (from <c>O2C:Clock</c>, validated at start) and the
    /// <see cref="ClusterClock"/> hosted service that anchors it in PostgreSQL. Needs an
    /// <see cref="Npgsql.NpgsqlDataSource"/> in the container. Call it after the hosted service applying
    /// migrations and before Orleans: hosted services start in registration order. A
    /// <see cref="BusinessClock"/> registered earlier (one clock shared by in-process test silos) is kept.
    /// </summary>
    public static IServiceCollection AddBusinessClock(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClockOptions>()
            .Bind(configuration.GetSection(SectionName))
            .Validate(o => o.Mode != ClockMode.Accelerated || (o.Speed > 0 && double.IsFinite(o.Speed)),
                "O2C:Clock:Speed must be positive when O2C:Clock:Mode is Accelerated.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "O2C:Clock:PollInterval must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new BusinessClock(sp.GetRequiredService<IOptions<ClockOptions>>().Value));
        services.TryAddSingleton<ClusterClock>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterClock>());
        return services;
    }
}
