using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace O2C.Silo.Database;

/// <summary>Ready when the database answers and every migration is applied.</summary>
internal sealed class DatabaseReadinessCheck(SchemaMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await migrator.IsUpToDateAsync(cancellationToken)
                ? HealthCheckResult.Healthy("database reachable, migrations applied")
                : HealthCheckResult.Unhealthy("database reachable, migrations pending");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("database unreachable", e);
        }
    }
}
