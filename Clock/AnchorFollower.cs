using Microsoft.Extensions.Logging;
using Npgsql;

namespace O2C.Clock;

/// <summary>
/// Moves a Manual clock wherever the cluster's anchor moves: by LISTEN on a connection of its own
/// (reconnecting after errors), and by re-reading the row every poll interval for a notification
/// lost on the way. Delays here are wall time: they must not wait for business time to move.
/// </summary>
internal sealed class AnchorFollower(BusinessClock clock, NpgsqlDataSource dataSource, AnchorTable table, TimeSpan pollInterval, ILogger logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private ClockMode? _mismatchReported;

    /// <summary>Follows until <paramref name="stopping"/> is cancelled; never faults.</summary>
    public Task RunAsync(CancellationToken stopping) => Task.WhenAll(ListenAsync(stopping), PollAsync(stopping));

    private async Task ListenAsync(CancellationToken stopping)
    {
        var retry = FirstRetry;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stopping);
                DateTimeOffset? notified = null;
                connection.Notification += (_, e) => notified = AnchorTable.ParsePayload(e.Payload) ?? notified;
                await using (var listen = new NpgsqlCommand($"LISTEN {AnchorTable.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping);
                }

                // Moves made while this silo was not listening sent notifications nobody kept.
                await CatchUpAsync(stopping);
                retry = FirstRetry;
                while (true)
                {
                    // Notifications are raised on this thread, inside WaitAsync.
                    await connection.WaitAsync(stopping);
                    if (notified is { } to)
                    {
                        Follow(to);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Lost the business clock notifications; listening again in {Retry}", retry);
                if (!await WaitAsync(retry, stopping))
                {
                    return;
                }

                retry = retry * 2 < LastRetry ? retry * 2 : LastRetry;
            }
        }
    }

    private async Task PollAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(pollInterval, TimeProvider.System);
        var failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await CatchUpAsync(stopping);
                    if (failing)
                    {
                        logger.LogInformation("Reading the business clock anchor works again");
                        failing = false;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    // One warning per outage, not one per poll.
                    if (!failing)
                    {
                        logger.LogWarning(e, "Could not read the business clock anchor; retrying every {PollInterval}", pollInterval);
                        failing = true;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var anchor = await table.ReadAsync(cancellationToken);
        if (anchor is null)
        {
            return;
        }

        if (anchor.Mode != ClockMode.Manual)
        {
            if (_mismatchReported != anchor.Mode)
            {
                logger.LogWarning("This silo runs a Manual business clock but the cluster anchor is now {Mode}; restart it with O2C:Clock:Mode={Configured}", anchor.Mode, anchor.Mode);
                _mismatchReported = anchor.Mode;
            }

            return;
        }

        _mismatchReported = null;
        Follow(anchor.BusinessTime);
    }

    // A timer callback that throws must not stop this silo from following the cluster.
    private void Follow(DateTimeOffset to)
    {
        try
        {
            clock.MoveTo(to);
        }
        catch (Exception e)
        {
            logger.LogError(e, "A business clock timer failed while moving to {BusinessTime:O}", to);
        }
    }

    private static async Task<bool> WaitAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, TimeProvider.System, stopping);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
