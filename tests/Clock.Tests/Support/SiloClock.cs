using Microsoft.Extensions.Options;
using Npgsql;

namespace O2C.Clock.Tests.Support;

/// <summary>What one silo holds of the business clock: its clock and the anchor service on its own data source.</summary>
internal sealed class SiloClock : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private SiloClock(BusinessClock clock, NpgsqlDataSource dataSource, TimeSpan pollInterval)
    {
        Clock = clock;
        _dataSource = dataSource;
        Anchor = new ClusterClock(clock, dataSource, Options.Create(new ClockOptions { PollInterval = pollInterval }), Log);
    }

    public BusinessClock Clock { get; }

    public ClusterClock Anchor { get; }

    public RecordingLogger<ClusterClock> Log { get; } = new();

    /// <summary>Starts a silo; a poll interval of an hour leaves following moves to LISTEN/NOTIFY alone.</summary>
    public static async Task<SiloClock> StartAsync(string connectionString, BusinessClock clock, TimeSpan? pollInterval = null)
    {
        var silo = new SiloClock(clock, NpgsqlDataSource.Create(connectionString), pollInterval ?? TimeSpan.FromHours(1));
        await silo.Anchor.StartAsync(CancellationToken.None);
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        await Anchor.StopAsync(CancellationToken.None);
        await Anchor.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
