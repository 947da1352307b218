using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace O2C.Clock;

/// <summary>
/// Advances a Manual business clock the way time would pass, on every silo: it moves the cluster's
/// clock to each due reminder time in turn and waits, reading Orleans' reminder table, until every
/// reminder due up to that time was handled (a handled reminder is removed or moved later by its
/// grain) before it moves on. So work due on day 5 is done before day 6 begins, whichever silo holds it.
/// </summary>
/// <remarks>
/// Orleans fires a reminder once the clock is past its due time (it holds back a tick due "now" by a
/// millisecond) and stores due times to the millisecond, so the driver moves in whole milliseconds,
/// to one millisecond past each due time. Ticks due at one moment have no order among themselves.
/// </remarks>
public sealed class ClockDriver : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    // Orleans arms a reminder's wait asynchronously after it is registered; if the clock passed the
    // due time before that, Orleans waits for the next tick of the period instead (so does a tick
    // whose handler failed). Real time gets there by itself; a Manual clock is moved there when due
    // work has made no progress for this long, at most a few times in a row, and never past the
    // target. Progress is a reminder handled or any write to grain state, reminders or events: in a
    // storm of 100,000 ticks fired at once the first handler may finish only after many seconds,
    // and moving the clock then would let cases step before all their invoices joined.
    private static readonly TimeSpan NextTickAfter = TimeSpan.FromSeconds(5);
    private const int NextTickMovesWithoutProgress = 3;

    private readonly ClusterClock _clusterClock;
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly bool _retryAtNextTick;
    private readonly TimeSpan _stallTimeout;
    private readonly ILogger<ClockDriver> _logger;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <param name="retryAtNextTick">
    /// Whether a reminder whose delivery failed is retried at the next tick of its period (Orleans'
    /// reminder service: the driver moves the clock there), rather than in wall time (ours, when its lease ends).
    /// </param>
    public ClockDriver(
        ClusterClock clusterClock, NpgsqlDataSource dataSource, string serviceId, bool retryAtNextTick, IOptions<ClockOptions> options, ILogger<ClockDriver> logger)
    {
        _retryAtNextTick = retryAtNextTick;
        _clusterClock = clusterClock;
        _dataSource = dataSource;
        _serviceId = serviceId;
        _stallTimeout = options.Value.AdvanceStallTimeout;
        _logger = logger;
    }

    /// <summary>
    /// Moves business time to <paramref name="to"/>, handling every reminder due up to it in due-time
    /// order, including reminders those handlers register; returns when none due up to
    /// <paramref name="to"/> is left. Advances run one at a time.
    /// </summary>
    /// <exception cref="ClockNotManualException">The clock is not Manual.</exception>
    /// <exception cref="ClockAdvanceStalledException">Due reminders made no progress for the stall timeout.</exception>
    public async Task<ClockAdvance> AdvanceAsync(DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var clock = _clusterClock.Clock;
        if (clock.Mode != ClockMode.Manual)
        {
            throw new ClockNotManualException(clock.Mode);
        }

        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await RunAsync(clock, WholeMilliseconds(to), cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    private async Task<ClockAdvance> RunAsync(BusinessClock clock, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var from = clock.GetUtcNow();
        using var trace = new AdvanceTrace(from, to);
        long due = 0;
        var moves = 0;
        var lastProgress = Stopwatch.GetTimestamp();
        DueState? last = null;
        var retries = 0;
        while (true)
        {
            var now = clock.GetUtcNow();
            var state = await ReadAsync(now, to, cancellationToken);
            if (state != last)
            {
                last = state;
                lastProgress = Stopwatch.GetTimestamp();
                retries = 0;
            }

            if (state.Earliest is not { } earliest)
            {
                if (now >= to)
                {
                    trace.Done(due, moves);
                    return new ClockAdvance(from, now, due, moves);
                }

                trace.Batch(to, 0);
                await MoveAsync(to, cancellationToken);
                moves++;
                continue;
            }

            if (earliest >= now)
            {
                // Nothing in flight: everything due at the earliest time becomes due with one move.
                var next = WholeMilliseconds(earliest) + Tick;
                var dueNow = await CountDueBeforeAsync(now, next, cancellationToken);
                due += dueNow;
                trace.Batch(next, dueNow);
                await MoveAsync(next, cancellationToken);
                moves++;
                continue;
            }

            // Reminders are due and their grains are at work (on this silo or another).
            var waited = Stopwatch.GetElapsedTime(lastProgress);
            if (waited > _stallTimeout)
            {
                throw new ClockAdvanceStalledException(now, await StuckAsync(now, cancellationToken), _stallTimeout);
            }

            if (_retryAtNextTick && waited > NextTickAfter * (retries + 1) && retries < NextTickMovesWithoutProgress && await NextTickAsync(now, cancellationToken) is { } tick && tick <= to)
            {
                retries++;
                _logger.LogInformation("Due reminders waited {Waited} for delivery; the business clock moves to their next tick at {Tick:O}", waited, tick);
                trace.Batch(tick, 0);
                await MoveAsync(tick, cancellationToken);
                moves++;
                continue;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task MoveAsync(DateTimeOffset to, CancellationToken cancellationToken)
    {
        try
        {
            await _clusterClock.MoveToAsync(to, cancellationToken);
        }
        catch (Exception error) when (error is not ClockNotManualException and not OperationCanceledException and not NpgsqlException)
        {
            // A timer callback of this silo threw; the clock moved, and the table shows what is left.
            _logger.LogWarning(error, "A timer failed while the business clock moved to {To:O}", to);
        }
    }

    // Due work: reminders up to the target, and up to business now once a next-tick move took the
    // clock past the target (a handler registering a reminder "now" then registers it past the target).
    private async Task<DueState> ReadAsync(DateTimeOffset now, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT count(*) FILTER (WHERE starttime < $2), min(starttime),
                (SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint FROM pg_stat_user_tables
                 WHERE relname IN ('grain_state', 'orleansstorage', 'orleansreminderstable', 'grain_events'))
            FROM orleansreminderstable WHERE serviceid = $1 AND starttime <= greatest($2, $3)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DueState(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(2));
    }

    private async Task<long> CountDueBeforeAsync(DateTimeOffset now, DateTimeOffset next, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT count(*) FROM orleansreminderstable WHERE serviceid = $1 AND starttime >= $2 AND starttime < $3");
        command.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = next });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The time (plus the millisecond Orleans holds back) by which every reminder overdue at
    /// <paramref name="now"/> has had its next tick: at most one period ahead.
    /// </summary>
    private async Task<DateTimeOffset?> NextTickAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT max(starttime + (floor(extract(epoch FROM $2 - starttime) * 1000 / period) + 1) * period * interval '1 millisecond')
            FROM orleansreminderstable WHERE serviceid = $1 AND starttime < $2 AND period > 0
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime tick
            ? WholeMilliseconds(new DateTimeOffset(DateTime.SpecifyKind(tick, DateTimeKind.Utc))) + Tick
            : null;
    }

    private async Task<IReadOnlyList<string>> StuckAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT grainid || ' ' || remindername || ' due ' || to_char(starttime AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            FROM orleansreminderstable WHERE serviceid = $1 AND starttime < $2 ORDER BY starttime, grainid LIMIT 5
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        var stuck = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stuck.Add(reader.GetString(0));
        }

        return stuck;
    }

    private static DateTimeOffset WholeMilliseconds(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    // Writes: rows written so far (PostgreSQL's statistics, up to a second behind): grains at work.
    private sealed record DueState(long InFlight, DateTimeOffset? Earliest, long Writes);
}
