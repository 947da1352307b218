using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using O2C.Runtime;
using O2C.Tests.Support;

namespace O2C.Dashboard.Tests.Support;

/// <summary>
/// The real silo on a real Kestrel port (a browser cannot reach WebApplicationFactory's in-memory
/// server), a fresh database and a manual business clock at <see cref="TestCluster.Epoch"/>.
/// </summary>
public sealed class KestrelSilo : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private KestrelSilo(WebApplicationFactory<Program> factory, Uri address)
    {
        _factory = factory;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _factory.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public static async Task<KestrelSilo> StartAsync(PostgresFixture postgres)
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:O2C", connectionString);
            web.UseSetting("O2C:Clock:Mode", "Manual");
            web.UseSetting("O2C:Clock:Start", TestCluster.Epoch.ToString("O"));
            web.UseSetting("O2C:Reminders:PollInterval", "00:00:00.1");
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0)); // a free port
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new KestrelSilo(factory, new Uri(addresses.First()));
    }

    public Task<ClockAdvance> AdvanceToDayAsync(int days) =>
        Services.GetRequiredService<IReminderDelivery>().AdvanceClockAsync(TestCluster.Epoch.AddDays(days));

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
