using O2C.Clock;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using O2C.Runtime.Activation;
using O2C.Runtime.Membership;
using O2C.Runtime.Statistics;

namespace O2C.Runtime.Reminders;

/// <summary>
/// Polls for due reminders, claims them in batches and delivers them to their grains. One gate
/// serialises the poller with manual clock advances, so an advance sees reminders fire in order.
/// </summary>
internal sealed partial class ReminderService(
    ReminderTable table,
    GrainRuntime runtime,
    BusinessClock clock,
    SiloIdentity silo,
    GrainStatistics statistics,
    IOptions<ReminderOptions> options,
    ILogger<ReminderService> logger) : BackgroundService, IReminderDelivery
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ReminderOptions _options = options.Value;

    public async Task<ClockAdvance> AdvanceClockAsync(DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        if (clock.Mode != ClockMode.Manual)
        {
            throw new ClockNotManualException(clock.Mode);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var from = clock.GetUtcNow();
            if (to < from)
            {
                throw new ArgumentOutOfRangeException(nameof(to), to, $"The business clock reads {from:O}; it does not move backwards.");
            }

            var (delivered, failed) = (0, 0);
            while (await table.NextDueAsync(to, cancellationToken) is { } next)
            {
                clock.MoveTo(next);
                // Deliveries may register reminders due at this very instant. They fire in the next
                // generation, after everything that was already waiting for the instant: a case
                // steps once, after all its invoices that fall due now have joined it.
                var generation = true;
                while (generation)
                {
                    generation = false;
                    var horizon = await table.RegistrationHorizonAsync(cancellationToken);
                    while (await DeliverDueAsync(next, cancellationToken, horizon) is { Claimed: > 0 } round)
                    {
                        generation = true;
                        delivered += round.Delivered;
                        failed += round.Failed;
                    }
                }
            }

            clock.MoveTo(to);
            return new ClockAdvance(from, to, delivered, failed);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<int> DeliverDueNowAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return (await DeliverDueAsync(clock.GetUtcNow(), cancellationToken)).Claimed;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DeliverDueNowAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogPollFailed(logger, error);
            }

            // A full batch means more is waiting: go again at once (a month-end storm).
            if (claimed < _options.BatchSize)
            {
                try
                {
                    await Task.Delay(_options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<(int Claimed, int Delivered, int Failed)> DeliverDueAsync(DateTimeOffset upTo, CancellationToken cancellationToken, long registeredUpTo = long.MaxValue)
    {
        var claimed = await table.ClaimAsync(silo.SiloId, upTo, _options.BatchSize, _options.LeaseDuration, cancellationToken, registeredUpTo);
        if (claimed.Count == 0)
        {
            return (0, 0, 0);
        }

        statistics.RemindersClaimed(claimed.Count);
        var delivered = new List<ClaimedReminder>(claimed.Count);
        var failed = new List<ClaimedReminder>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentDeliveries, CancellationToken = CancellationToken.None };
        await Parallel.ForEachAsync(claimed, parallel, async (reminder, _) =>
        {
            try
            {
                await runtime.DeliverReminderAsync(reminder.Grain, reminder.Name, reminder.Status);
                // Lag in wall time: an accelerated clock would otherwise multiply it by its speed.
                statistics.ReminderDelivered((clock.GetUtcNow() - reminder.DueAt) / clock.Speed);
                lock (delivered)
                {
                    delivered.Add(reminder);
                }
            }
            catch (Exception error)
            {
                statistics.ReminderFailed();
                LogDeliveryFailed(logger, reminder.Grain.Type, reminder.Grain.Key, reminder.Name, error);
                lock (delivered)
                {
                    failed.Add(reminder);
                }
            }
        });

        await table.CompleteAsync(delivered, failed, clock.GetUtcNow(), _options.RetryDelay, CancellationToken.None);
        return (claimed.Count, delivered.Count, failed.Count);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder poll failed")]
    private static partial void LogPollFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Grain {GrainType} {GrainKey}: reminder {ReminderName} failed; it will be retried")]
    private static partial void LogDeliveryFailed(ILogger logger, string grainType, string grainKey, string reminderName, Exception error);
}
