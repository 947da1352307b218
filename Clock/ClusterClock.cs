using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace O2C.Clock;

/// <summary>
/// Keeps this silo's <see cref="BusinessClock"/> on the cluster's anchor in PostgreSQL, so every
/// silo and every restart agrees on business time.
/// </summary>
/// <remarks>
/// <para>At start it adopts the anchor row, creating it from this clock (so from <c>O2C:Clock</c>)
/// when the cluster has none: a Manual clock resumes at the stored business time, an Accelerated one
/// from the stored anchor. When the configured mode or speed differs from the stored one,
/// configuration wins, business time continues from the stored anchor (never backwards; a System
/// clock is the wall by definition) and a new anchor is written; silos still running the old
/// configuration are warned about, not changed.</para>
/// <para>A Manual silo then follows moves made anywhere: it LISTENs on a connection of its own
/// (reconnecting after errors) and re-reads the row every <see cref="ClockOptions.PollInterval"/>
/// in case a notification was lost. Start it after the migrations and before Orleans, so reminders
/// never see the unanchored seed.</para>
/// </remarks>
public sealed class ClusterClock : IHostedService, IAsyncDisposable, IDisposable
{
    private readonly BusinessClock _clock;
    private readonly NpgsqlDataSource _dataSource;
    private readonly AnchorTable _table;
    private readonly TimeSpan _pollInterval;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _following = Task.CompletedTask;
    private int _disposed;

    public ClusterClock(BusinessClock clock, NpgsqlDataSource dataSource, IOptions<ClockOptions> options, ILogger<ClusterClock> logger)
    {
        _clock = clock;
        _dataSource = dataSource;
        _table = new AnchorTable(dataSource);
        _pollInterval = options.Value.PollInterval;
        _logger = logger;
    }

    /// <summary>The clock this service keeps on the anchor.</summary>
    public BusinessClock Clock => _clock;

    /// <summary>Adopts (or creates) the anchor; then, for a Manual clock, follows moves until stopped.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var wallNow = _clock.Wall.GetUtcNow();
        var (anchor, replaced, created) = await _table.AdoptAsync(_clock.CurrentAnchor().ToMicroseconds(), wallNow, cancellationToken);
        if (replaced is not null)
        {
            _logger.LogWarning(
                "Business clock configured {Mode} x{Speed} replaces the stored {StoredMode} x{StoredSpeed} anchor; business time continues at {BusinessTime:O}",
                anchor.Mode, anchor.Speed, replaced.Mode, replaced.Speed, anchor.BusinessTime);
            if (anchor.Mode == ClockMode.System && replaced.BusinessTimeAt(wallNow) > wallNow)
            {
                _logger.LogWarning("Business time goes back from {StoredTime:O} to wall time: a System clock is the wall", replaced.BusinessTimeAt(wallNow));
            }
        }

        _clock.Resume(anchor);
        _logger.LogInformation("Business clock {Action} the cluster anchor: {Mode} x{Speed}, business time {BusinessTime:O}",
            created ? "created" : "resumed", _clock.Mode, _clock.Speed, _clock.GetUtcNow());

        if (_clock.Mode == ClockMode.Manual)
        {
            _following = new AnchorFollower(_clock, _dataSource, _table, _pollInterval, _logger).RunAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _following.WaitAsync(cancellationToken);
    }

    // For containers disposed synchronously: stops following without waiting for the loops to end.
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The container may dispose this twice: as itself and as the hosted service it also is.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // The token source is left undisposed: it has no timer, and StopAsync may still come after.
        await _stopping.CancelAsync();
        await _following;
    }

    /// <summary>
    /// Moves business time of the whole cluster forward to <paramref name="to"/> (rounded down to
    /// whole microseconds, PostgreSQL's resolution): the anchor row never goes back, every silo is
    /// notified in the same transaction, and this silo's clock has moved (its due timers fired)
    /// when the task completes. Other silos follow within moments; this does not wait for them.
    /// </summary>
    /// <returns>Business time the cluster stands at: <paramref name="to"/>, or later if it already was.</returns>
    /// <exception cref="ClockNotManualException">This clock or the cluster's anchor is not Manual.</exception>
    /// <exception cref="InvalidOperationException">No silo has started yet, so there is no anchor to move.</exception>
    /// <exception cref="AggregateException">Local timer callbacks threw (one alone is rethrown as is); the cluster and this clock moved regardless.</exception>
    public async Task<DateTimeOffset> MoveToAsync(DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        if (_clock.Mode != ClockMode.Manual)
        {
            throw new ClockNotManualException(_clock.Mode);
        }

        var standing = await _table.MoveAsync(ClockAnchor.Microseconds(to), ClockAnchor.Microseconds(_clock.Wall.GetUtcNow()), cancellationToken);
        _clock.MoveTo(standing);
        return standing;
    }

    /// <summary>The anchor row as stored now (null before any silo started).</summary>
    public Task<ClockAnchor?> ReadAnchorAsync(CancellationToken cancellationToken = default) => _table.ReadAsync(cancellationToken);
}
