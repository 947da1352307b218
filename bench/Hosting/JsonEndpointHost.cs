using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace O2C.Bench.Hosting;

/// <summary>
/// H-JSON's server: a minimal Kestrel app in the bench process with one endpoint returning a small
/// JSON body, so the HTTP stack alone is measured by the same load generator as the silo.
/// </summary>
public sealed class JsonEndpointHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private JsonEndpointHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<JsonEndpointHost> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/json", () => TypedResults.Ok(new Pong("ok", DateTimeOffset.UtcNow)));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new JsonEndpointHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Pong(string Status, DateTimeOffset At);
}
