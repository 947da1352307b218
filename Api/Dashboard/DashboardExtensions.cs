using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using O2C.Telemetry;
using Orleans;
using O2C.Api.Auth;

namespace O2C.Api.Dashboard;

public static class DashboardExtensions
{
    /// <summary>
    /// The dashboard's queries, its fixed-size statistics history, the sampler that fills it once a
    /// second, and <see cref="GrainCallCounter"/> as an Orleans incoming call filter (Orleans takes
    /// every <see cref="IIncomingGrainCallFilter"/> in the container, so the silo needs no other line).
    /// Call it on the silo's own service collection.
    /// </summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<StatisticsHistory>();
        services.AddSingleton<BusinessQuery>();
        services.AddSingleton<DeliveryQuery>();
        services.AddSingleton<ReminderQuery>();
        services.AddSingleton<ClusterQuery>();
        services.AddSingleton<ActivationQuery>();
        services.AddO2CMetrics();
        services.AddSingleton<GrainCallCounter>();
        services.AddSingleton<IIncomingGrainCallFilter>(sp => sp.GetRequiredService<GrainCallCounter>());
        services.AddHostedService<DashboardSampler>();
        return services;
    }

    /// <summary>The JSON endpoints under <c>/v1/dashboard</c> and the page at <c>/dashboard</c>.</summary>
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/dashboard").WithTags("Dashboard").RequireAuthorization(ApiRoles.OperatorPolicy);
        api.MapGet("/cluster", DashboardEndpoints.GetCluster);
        api.MapGet("/grains", DashboardEndpoints.GetGrains);
        api.MapGet("/reminders", DashboardEndpoints.GetReminders);
        api.MapGet("/business", DashboardEndpoints.GetBusiness);
        api.MapGet("/delivery", (DeliveryQuery query, O2C.Clock.BusinessClock clock, CancellationToken cancellationToken) =>
            query.ReadAsync(clock.GetUtcNow(), cancellationToken));
        api.MapGet("/history", DashboardEndpoints.GetHistory);

        app.MapGet("/dashboard", () => DashboardAssets.Serve("dashboard.html", "text/html; charset=utf-8")).ExcludeFromDescription().RequireAuthorization(ApiRoles.OperatorPolicy);

        // Script and style carry no data; the sign-in page uses the style too.
        app.MapGet("/dashboard/dashboard.js", () => DashboardAssets.Serve("dashboard.js", "text/javascript; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/dashboard/dashboard.css", () => DashboardAssets.Serve("dashboard.css", "text/css; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        return app;
    }
}
