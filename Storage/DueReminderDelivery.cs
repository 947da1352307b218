using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using O2C.Clock;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace O2C.Storage;

/// <summary>
/// Delivers the cluster's due reminders (<see cref="ReminderDelivery.O2C"/>): every silo claims due
/// rows of <c>orleansreminderstable</c> in due order with <c>FOR UPDATE SKIP LOCKED</c>, leases them
/// for a while, and calls each grain's <see cref="IRemindable.ReceiveReminder"/>, at most
/// <see cref="DueReminderOptions.MaxInFlight"/> at once. The grain then removes or moves its row;
/// a row left leased (a silo that died) is claimed again once its lease ends (a failed handler's lease
/// is shortened to <see cref="DueReminderOptions.RetryAfterFailure"/>),
/// or at once when Orleans' membership declares the silo holding it dead.
/// </summary>
/// <remarks>
/// Why not Orleans' reminder service: it arms a timer per reminder and fires every tick due at one
/// instant at once. In a month-end storm of 100,000 invoices every tick waited behind the others
/// until Orleans' response timeout (30 s) and was dropped, and the storm never finished
/// (bench/README.md has the runs). Here the storm is worked through at a fixed width.
/// </remarks>
internal sealed partial class DueReminderDelivery : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IGrainFactory _grains;
    private readonly BusinessClock _clock;
    private readonly string _serviceId;
    private readonly string _clusterId;
    private readonly string _silo;
    private readonly DueReminderOptions _options;
    private readonly ILogger<DueReminderDelivery> _logger;

    // Claimed reminders wait here for a free handler, in due order; a claim tops the queue up
    // when it runs half empty, so a storm costs one claim per half batch, not one per reminder.
    private readonly Channel<DueReminder> _claimed;
    private CancellationTokenSource? _stopping;
    private Task? _running;

    public DueReminderDelivery(
        NpgsqlDataSource dataSource, IGrainFactory grains, BusinessClock clock, IOptions<ClusterOptions> cluster,
        ILocalSiloDetails silo, IOptions<DueReminderOptions> options, ILogger<DueReminderDelivery> logger)
    {
        _clusterId = cluster.Value.ClusterId;
        _silo = silo.SiloAddress.ToParsableString();
        _dataSource = dataSource;
        _grains = grains;
        _clock = clock;
        _serviceId = cluster.Value.ServiceId;
        _options = options.Value;
        _logger = logger;
        _claimed = Channel.CreateBounded<DueReminder>(new BoundedChannelOptions(_options.ClaimBatchSize) { SingleWriter = true });
    }

    // Grains are called only while the silo is active: started after it joined, stopped before it leaves.
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DueReminderDelivery), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = new CancellationTokenSource();
        var handlers = Enumerable.Range(0, _options.MaxInFlight).Select(_ => Task.Run(HandleAsync, CancellationToken.None));
        _running = Task.WhenAll([Task.Run(() => ClaimLoopAsync(_stopping.Token), CancellationToken.None), .. handlers]);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null || _running is null)
        {
            return;
        }

        // No more claims; what was claimed is handled (or, past the stop timeout, left to its lease).
        await _stopping.CancelAsync();
        await _running.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public void Dispose() => _stopping?.Dispose();

    private async Task ClaimLoopAsync(CancellationToken stopping)
    {
        var retry = TimeSpan.FromMilliseconds(250);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    await ClaimDueAsync(stopping);
                    retry = TimeSpan.FromMilliseconds(250);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception error)
                {
                    LogClaimFailed(_logger, retry, error);
                    await Task.Delay(retry, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
                    retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
                }
            }
        }
        finally
        {
            _claimed.Writer.TryComplete();
        }
    }

    /// <summary>Tops the queue up with due reminders; waits for more to fall due when none is left.</summary>
    private async Task ClaimDueAsync(CancellationToken stopping)
    {
        var room = _options.ClaimBatchSize - _claimed.Reader.Count;
        if (room < _options.ClaimBatchSize / 2)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(2), stopping);
            return;
        }

        var now = _clock.GetUtcNow();
        var claimed = await ClaimAsync(now, room, stopping);
        foreach (var reminder in claimed)
        {
            await _claimed.Writer.WriteAsync(reminder, CancellationToken.None);
        }

        if (claimed.Count < room)
        {
            await WaitForDueAsync(now, stopping);
        }
    }

    private async Task HandleAsync()
    {
        await foreach (var reminder in _claimed.Reader.ReadAllAsync())
        {
            try
            {
                await _grains.GetGrain<IRemindable>(reminder.Grain)
                    .ReceiveReminder(reminder.Name, new TickStatus(reminder.DueAt.UtcDateTime, reminder.Period, _clock.GetUtcNow().UtcDateTime));
            }
            catch (Exception error)
            {
                // Most failures pass quickly (a grain on a silo that just died, a database restart): the
                // row's lease is shortened to the retry delay, so the reminder is delivered again soon
                // rather than when a 30-s lease ends (an advance waits for it). A duplicate delivery is
                // harmless: the grain's state decides. If even that fails, the lease ends as it was.
                LogHandlerFailed(_logger, reminder.Grain, reminder.Name, _options.RetryAfterFailure, error);
                await RetrySoonAsync(reminder);
            }
        }
    }

    private async Task RetrySoonAsync(DueReminder reminder)
    {
        try
        {
            await using var command = _dataSource.CreateCommand(
                """
                UPDATE orleansreminderstable SET leaseduntil = least(leaseduntil, clock_timestamp() + $6)
                WHERE serviceid = $1 AND grainid = $2 AND remindername = $3 AND leasedby = $4 AND starttime = $5
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
            command.Parameters.Add(new NpgsqlParameter { Value = reminder.Key });
            command.Parameters.Add(new NpgsqlParameter { Value = reminder.Name });
            command.Parameters.Add(new NpgsqlParameter { Value = _silo });
            command.Parameters.Add(new NpgsqlParameter { Value = reminder.DueAt });
            command.Parameters.Add(new NpgsqlParameter { Value = _options.RetryAfterFailure });
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            LogRetryNotShortened(_logger, reminder.Grain, reminder.Name, error);
        }
    }

    private async Task<IReadOnlyList<DueReminder>> ClaimAsync(DateTimeOffset now, int count, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            """
            UPDATE orleansreminderstable r SET leaseduntil = clock_timestamp() + $3, leasedby = $5
            FROM (SELECT grainid, remindername FROM orleansreminderstable
                  WHERE serviceid = $1 AND starttime <= $2 AND (leaseduntil IS NULL OR leaseduntil < clock_timestamp())
                  ORDER BY starttime LIMIT $4 FOR UPDATE SKIP LOCKED) due
            WHERE r.serviceid = $1 AND r.grainid = due.grainid AND r.remindername = due.remindername
            RETURNING r.grainid, r.remindername, r.starttime, r.period
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = _options.Lease });
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        command.Parameters.Add(new NpgsqlParameter { Value = _silo });
        var claimed = new List<DueReminder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new DueReminder(
                reader.GetString(0), GrainId.Parse(reader.GetString(0)), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), TimeSpan.FromMilliseconds(reader.GetInt64(3))));
        }

        // Due order across claims; within one claim every handler starts at once anyway.
        claimed.Sort((a, b) => a.DueAt.CompareTo(b.DueAt));
        return claimed;
    }

    /// <summary>
    /// Waits until the next reminder this silo knows of falls due (business time: a Manual clock
    /// wakes this at every move), or the poll interval passes (wall time: reminders registered on
    /// other silos, leases that ended), or a slot frees while due work is left.
    /// </summary>
    private async Task WaitForDueAsync(DateTimeOffset now, CancellationToken stopping)
    {
        await ReleaseLeasesOfDeadSilosAsync(stopping);
        var next = await NextDueAsync(stopping);
        if (next is { } due && due <= now)
        {
            // Fell due since the claim (a handler moved its reminder to now): claim again at once.
            return;
        }

        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var waits = new List<Task> { Task.Delay(_options.PollInterval, wake.Token) };

        if (_clock.Mode == ClockMode.Manual)
        {
            // Any move of a Manual clock may make rows due that this silo has not seen yet.
            waits.Add(Task.Delay(TimeSpan.FromMilliseconds(1), _clock, wake.Token));
        }
        else if (next is { } later && later - now < _options.PollInterval * 1000)
        {
            waits.Add(Task.Delay(later - now, _clock, wake.Token));
        }

        await Task.WhenAny(waits);
        await wake.CancelAsync();
        stopping.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Releases the leases of silos Orleans' membership table says are dead (a silo restarted on the
    /// same endpoint declares its former self dead at once), so their reminders are not held up
    /// for the rest of the lease.
    /// </summary>
    private async Task ReleaseLeasesOfDeadSilosAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            """
            UPDATE orleansreminderstable r SET leaseduntil = NULL, leasedby = NULL
            FROM orleansmembershiptable m
            WHERE r.serviceid = $1 AND r.leaseduntil IS NOT NULL AND m.deploymentid = $2 AND m.status = 6
              AND r.leasedby = m.address || ':' || m.port || '@' || m.generation
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = _clusterId });
        if (await command.ExecuteNonQueryAsync(cancellationToken) is > 0 and var released)
        {
            LogLeasesReleased(_logger, released);
        }
    }

    private async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT min(starttime) FROM orleansreminderstable WHERE serviceid = $1 AND (leaseduntil IS NULL OR leaseduntil < clock_timestamp())");
        command.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime due
            ? new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc))
            : null;
    }

    private sealed record DueReminder(string Key, GrainId Grain, string Name, DateTimeOffset DueAt, TimeSpan Period);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} reminder leases of silos declared dead")]
    private static partial void LogLeasesReleased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming due reminders failed; trying again in {Retry}")]
    private static partial void LogClaimFailed(ILogger logger, TimeSpan retry, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Reminder} of {Grain} failed; it is delivered again in {Retry}")]
    private static partial void LogHandlerFailed(ILogger logger, GrainId grain, string reminder, TimeSpan retry, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Reminder} of {Grain} keeps its lease after a failure: shortening it failed too")]
    private static partial void LogRetryNotShortened(ILogger logger, GrainId grain, string reminder, Exception error);
}
