using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using O2C.Clock;
using O2C.Tests.Support;
using Orleans;

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
            web.UseSetting("O2C:Clock:PollInterval", "00:00:00.1");
            web.UseSetting("O2C:Auth:AdminKey", TestCluster.AdminKey);
            // Other test assemblies run silos at the same time: Orleans' ports must be free ones.
            web.UseSetting("O2C:Cluster:SiloPort", FreePort());
            web.UseSetting("O2C:Cluster:GatewayPort", FreePort());
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0)); // a free port
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new KestrelSilo(factory, new Uri(addresses.First()));
    }

    /// <summary>Advances the cluster's manual clock to day <paramref name="days"/>, every reminder due on the way handled.</summary>
    public Task<ClockAdvance> AdvanceToDayAsync(int days) =>
        Services.GetRequiredService<ClockDriver>().AdvanceAsync(TestCluster.Epoch.AddDays(days));

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
