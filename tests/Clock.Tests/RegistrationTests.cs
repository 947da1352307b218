using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace O2C.Clock.Tests;

public sealed class RegistrationTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AddBusinessClock_binds_O2C_Clock_and_registers_the_clock_and_its_anchor_service()
    {
        await using var services = Services(new() { ["O2C:Clock:Mode"] = "Manual", ["O2C:Clock:Start"] = Start.ToString("O"), ["O2C:Clock:PollInterval"] = "00:00:05" });

        var clock = services.GetRequiredService<BusinessClock>();
        Assert.Equal(ClockMode.Manual, clock.Mode);
        Assert.Equal(Start, clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(5), services.GetRequiredService<IOptions<ClockOptions>>().Value.PollInterval);
        var anchor = Assert.Single(services.GetServices<IHostedService>().OfType<ClusterClock>());
        Assert.Same(services.GetRequiredService<ClusterClock>(), anchor);
        Assert.Same(clock, anchor.Clock);
    }

    [Fact]
    public async Task An_accelerated_clock_without_a_positive_speed_fails_validation_at_start()
    {
        await using var services = Services(new() { ["O2C:Clock:Mode"] = "Accelerated", ["O2C:Clock:Speed"] = "0" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Speed must be positive", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clock_registered_before_is_kept()
    {
        var shared = BusinessClock.Manual(Start);
        await using var services = Services(new() { ["O2C:Clock:Mode"] = "System" }, s => s.AddSingleton(shared));

        Assert.Same(shared, services.GetRequiredService<BusinessClock>());
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        before?.Invoke(services);
        services.AddLogging();

        // Never opened here: the anchor service only needs one to be constructed.
        services.AddSingleton(_ => NpgsqlDataSource.Create("Host=localhost;Database=unused"));
        services.AddBusinessClock(configuration);
        return services.BuildServiceProvider();
    }
}
