using O2C.Clock;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using O2C.Runtime.Tests.TestGrains;

namespace O2C.Runtime.Tests.Support;

/// <summary>A silo (the runtime alone, no HTTP) on a test database, with a manual business clock.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;
    private bool _stopped;

    private TestSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();
    public BusinessClock Clock => Services.GetRequiredService<BusinessClock>();
    public IReminderDelivery Reminders => Services.GetRequiredService<IReminderDelivery>();
    public IActivationControl Activations => Services.GetRequiredService<IActivationControl>();
    public NpgsqlDataSource Database => Services.GetRequiredService<NpgsqlDataSource>();

    public static async Task<TestSilo> StartAsync(
        string connectionString,
        SharedLogs? logs = null,
        DateTimeOffset? clockStart = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        logs ??= new SharedLogs();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var configuration = new Dictionary<string, string?>
        {
            ["O2C:Clock:Mode"] = "Manual",
            ["O2C:Clock:Start"] = (clockStart ?? Epoch).ToString("O"),
            ["O2C:Reminders:PollInterval"] = "00:00:00.05",
            ["O2C:Reminders:RetryDelay"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton(logs.Lifecycle).AddSingleton(logs.Gates).AddSingleton(logs.Alarms);
        builder.Services.AddGrainRuntime(builder.Configuration, typeof(CounterGrain).Assembly);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
