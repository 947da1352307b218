using O2C.Clock;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Sockets;

namespace O2C.Tests.Support;

/// <summary>
/// The real silo (its Program, the whole HTTP pipeline, the grains) on a fresh test database,
/// with a manual business clock starting at <see cref="Epoch"/>.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The admin key every test silo accepts (<c>O2C:Auth:AdminKey</c>) and its clients send by default.</summary>
    public const string AdminKey = "o2c_test-admin-key-not-a-secret";

    private readonly WebApplicationFactory<Program> _factory;

    private TestCluster(WebApplicationFactory<Program> factory, HttpClient client)
    {
        _factory = factory;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Another client of the same silo, for tests that need their own: with the admin key.</summary>
    public HttpClient CreateClient() => CreateClient(AdminKey);

    /// <summary>A client sending <paramref name="apiKey"/> as X-Api-Key, or no key at all when null.</summary>
    public HttpClient CreateClient(string? apiKey) => WithKey(_factory.CreateClient(), apiKey);

    /// <summary>Sends <paramref name="apiKey"/> (none when null) as X-Api-Key on every request of <paramref name="client"/>.</summary>
    public static HttpClient WithKey(HttpClient client, string? apiKey = AdminKey)
    {
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public BusinessClock Clock => Services.GetRequiredService<BusinessClock>();

    /// <param name="services">Changes to the silo's services after its own (a test exporter or logger provider).</param>
    public static async Task<TestCluster> StartAsync(PostgresFixture postgres, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        StartOn(await postgres.CreateDatabaseAsync(), settings, services: services);

    /// <summary>
    /// A silo on the database <paramref name="connectionString"/>: a second life of an earlier cluster's data.
    /// With <paramref name="onKestrel"/> it serves on a real Kestrel port of the loopback (what Kestrel
    /// itself enforces, chunked bodies on the wire), and <see cref="Client"/> talks to that port.
    /// </summary>
    public static TestCluster StartOn(
        string connectionString, IDictionary<string, string?>? settings = null, bool onKestrel = false, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:O2C"] = connectionString,
            ["O2C:Clock:Mode"] = "Manual",
            ["O2C:Clock:Start"] = Epoch.ToString("O"),
            // Test clusters run side by side on one machine: each silo needs ports of its own.
            ["O2C:Cluster:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["O2C:Cluster:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["O2C:Clock:PollInterval"] = "00:00:00.1",
            ["O2C:Auth:AdminKey"] = AdminKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in all)
            {
                web.UseSetting(key, value);
            }

            if (services is not null)
            {
                web.ConfigureServices(services);
            }
        });
        if (!onKestrel)
        {
            return new TestCluster(factory, WithKey(factory.CreateClient()));
        }

        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestCluster(factory, WithKey(new HttpClient { BaseAddress = new Uri(address) }));
    }

    /// <summary>Advances the manual clock to <see cref="Epoch"/> plus <paramref name="days"/>, delivering every reminder on the way.</summary>
    public Task<ClockAdvance> AdvanceToDayAsync(int days) =>
        Services.GetRequiredService<ClockDriver>().AdvanceAsync(Epoch.AddDays(days));

    /// <summary>Deactivates every grain activation of the cluster, so the next call starts from stored state.</summary>
    public Task CollectAllActivationsAsync() =>
        Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}
