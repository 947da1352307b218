using O2C.Tests.Support;

namespace O2C.Clock.Tests.Support;

/// <summary>Tests that start silos' clocks on one fresh database and stop them all at the end.</summary>
public abstract class SiloClockTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly List<SiloClock> _silos = [];

    protected string Database { get; private set; } = "";

    public async Task InitializeAsync() => Database = await postgres.CreateDatabaseAsync("o2c_clock");

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }

    internal async Task<SiloClock> StartAsync(BusinessClock clock, TimeSpan? pollInterval = null)
    {
        var silo = await SiloClock.StartAsync(Database, clock, pollInterval);
        _silos.Add(silo);
        return silo;
    }

    internal async Task StopAsync(SiloClock silo)
    {
        _silos.Remove(silo);
        await silo.DisposeAsync();
    }
}
