using Microsoft.Extensions.Hosting;

namespace O2C.Silo.Database;

/// <summary>Stops the embedded server when the host stops; registered first so that it stops last.</summary>
internal sealed class EmbeddedPostgresHostedService(EmbeddedPostgres server) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => server.StopAsync(cancellationToken);
}
