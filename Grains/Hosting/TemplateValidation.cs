using Microsoft.Extensions.Hosting;
using O2C.Grains.Messages;

namespace O2C.Grains;

/// <summary>Parses every template and renders it against sample models at start: a missing template or variable stops the silo, not a customer's message.</summary>
internal sealed class TemplateValidation(MessageTemplateCatalog catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.Validate();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
