using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using O2C.Clock;
using O2C.Delivery.Channels;
using O2C.Telemetry;

namespace O2C.Delivery;

/// <summary>
/// Delivers the messages grains queue (issue 12): per configured channel, claims due messages in
/// batches (<see cref="MessageQueue"/>), hands each to its channel, at most
/// <see cref="DeliveryOptions.MaxParallelSends"/> at once, and records Sent, a retry after a backoff,
/// or Failed. Every silo runs one; the claims' row locks and leases share the work among them.
/// </summary>
/// <remarks>
/// At least once, never knowingly twice: a message is marked Sent right after its channel accepted
/// it. A silo that dies after its claim and before the hand-over leaves the message to the next
/// claim after the lease, which sends it once. A silo that dies (or loses the database) after the
/// channel accepted the message and before Sent is recorded leaves it to be sent again after the
/// lease: for that window of milliseconds, the e-mail's Message-ID and the webhook's idempotency key
/// stay the same, so the receiver can drop the repeat. The other choice, failing such a message
/// instead, could leave a final notice unsent that the ladder counts as sent.
/// </remarks>
internal sealed partial class MessageDispatcher(
    MessageQueue queue,
    IReadOnlyDictionary<string, IMessageChannel> channels,
    DeliveryOptions options,
    BusinessClock clock,
    O2CMetrics metrics,
    ILogger<MessageDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan[] RecordRetries = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogChannels(logger, Delivering(), LeftQueued());
        if (channels.Count == 0)
        {
            return;
        }

        await Task.WhenAll(channels.Select(c => Task.Run(() => RunAsync(c.Key, c.Value, stoppingToken), CancellationToken.None)));
    }

    private async Task RunAsync(string channelName, IMessageChannel channel, CancellationToken stopping)
    {
        var pause = TimeSpan.FromMilliseconds(250);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                // Not cancelled by the stop: a claim cut off after it committed would leave its messages to the lease.
                var claim = await queue.ClaimAsync(channelName, options.BatchSize, options.Lease, options.MaxAttempts, clock.GetUtcNow(), CancellationToken.None);
                if (claim.Cancelled > 0 || claim.Failed > 0)
                {
                    LogSettledUnsent(logger, channelName, claim.Cancelled, claim.Failed);
                    metrics.MessagesCancelled(MetricName(channelName), claim.Cancelled);
                    metrics.MessagesFailed(MetricName(channelName), claim.Failed);
                }

                await Parallel.ForEachAsync(
                    claim.ToSend, new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelSends },
                    async (message, _) => await DeliverAsync(channel, message, stopping));
                pause = TimeSpan.FromMilliseconds(250);
                if (claim.Count < options.BatchSize)
                {
                    await Task.Delay(options.PollInterval, stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogClaimFailed(logger, channelName, pause, error);
                await Task.Delay(pause, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private async Task DeliverAsync(IMessageChannel channel, OutgoingMessage message, CancellationToken stopping)
    {
        if (stopping.IsCancellationRequested)
        {
            // Claimed but not started: give it back now rather than leave it to the lease.
            await RecordAsync(message, () => queue.ReleaseAsync(message, CancellationToken.None));
            return;
        }

        Exception? failure = null;
        // A send already started is finished even while the silo stops (bounded by SendTimeout):
        // cancelling it half way would leave the server's answer unknown.
        using (var timeout = new CancellationTokenSource(options.SendTimeout))
        {
            try
            {
                await channel.SendAsync(message, timeout.Token);
            }
            catch (Exception error)
            {
                failure = error;
            }
        }

        if (failure is null)
        {
            if (await RecordAsync(message, () => queue.SentAsync(message, clock.GetUtcNow(), CancellationToken.None)))
            {
                LogSent(logger, message.MessageId, message.Channel, message.Attempt);
                metrics.MessageSent(MetricName(message.Channel));
            }

            return;
        }

        var reason = DeliveryErrors.Reason(failure);
        if (failure is UndeliverableMessageException || message.Attempt >= options.MaxAttempts)
        {
            if (await RecordAsync(message, () => queue.FailedAsync(message, DeliveryErrors.Detail(failure), clock.GetUtcNow(), CancellationToken.None)))
            {
                LogFailed(logger, message.MessageId, message.Channel, message.Attempt, reason);
                metrics.MessagesFailed(MetricName(message.Channel));
            }

            return;
        }

        var wait = RetryBackoff.After(message.Attempt, options.InitialBackoff, options.MaxBackoff, Random.Shared.NextDouble());
        if (await RecordAsync(message, () => queue.RetryAsync(message, DeliveryErrors.Detail(failure), wait, CancellationToken.None)))
        {
            LogRetry(logger, message.MessageId, message.Channel, message.Attempt, reason, wait);
        }
    }

    private string Delivering()
    {
        var parts = new List<string>();
        if (options.Smtp.IsConfigured)
        {
            parts.Add($"{ChannelNames.Email} over SMTP to {options.Smtp.Host}:{options.Smtp.Port}{(options.Smtp.UseTls ? " (TLS)" : "")}");
        }

        if (options.Webhook.IsConfigured)
        {
            parts.Add($"{ChannelNames.Sms} and {ChannelNames.Letter} to the webhook at {new Uri(options.Webhook.Url!).Authority}");
        }

        return parts.Count == 0 ? "nothing" : string.Join("; ", parts);
    }

    private string LeftQueued()
    {
        var parts = new List<string>();
        if (!options.Smtp.IsConfigured)
        {
            parts.Add($"{ChannelNames.Email} (no {DeliveryOptions.SectionName}:Smtp:Host)");
        }

        if (!options.Webhook.IsConfigured)
        {
            parts.Add($"{ChannelNames.Sms} and {ChannelNames.Letter} (no {DeliveryOptions.SectionName}:Webhook:Url)");
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    /// <summary>
    /// Records an outcome, trying again a few times: a Sent that is not recorded sends the message
    /// again after the lease. False when the attempt no longer holds the message or the database
    /// stayed out of reach (then the lease brings the message back).
    /// </summary>
    private async Task<bool> RecordAsync(OutgoingMessage message, Func<Task<bool>> record)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                if (await record())
                {
                    return true;
                }

                LogLeaseLost(logger, message.MessageId, message.Attempt);
                return false;
            }
            catch (Exception error) when (i < RecordRetries.Length)
            {
                LogRecordFailed(logger, message.MessageId, message.Attempt, RecordRetries[i], error);
                await Task.Delay(RecordRetries[i]);
            }
            catch (Exception error)
            {
                LogRecordGaveUp(logger, message.MessageId, message.Attempt, options.Lease, error);
                return false;
            }
        }
    }

    // The channel as the business meter names it, the way MessageComposer counted the message queued.
    private static string MetricName(string channel) => channel.ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Message delivery: {Delivering}; left Queued, not configured: {LeftQueued}")]
    private static partial void LogChannels(ILogger logger, string delivering, string leftQueued);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} sent over {Channel} (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, string messageId, string channel, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} over {Channel}: attempt {Attempt} failed ({Reason}); next attempt in {Wait}")]
    private static partial void LogRetry(ILogger logger, string messageId, string channel, int attempt, string reason, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} over {Channel} Failed after attempt {Attempt} ({Reason}); the message row has the server's answer")]
    private static partial void LogFailed(ILogger logger, string messageId, string channel, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel}: {Cancelled} queued messages cancelled (their case or invoice was settled before they went out), {Failed} failed (their last attempt's silo stopped before its lease ended)")]
    private static partial void LogSettledUnsent(ILogger logger, string channel, int cancelled, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId}: attempt {Attempt} no longer holds it (its lease ended and another claim took it); its outcome is not recorded")]
    private static partial void LogLeaseLost(ILogger logger, string messageId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId}: recording attempt {Attempt} failed; trying again in {Retry}")]
    private static partial void LogRecordFailed(ILogger logger, string messageId, int attempt, TimeSpan retry, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId}: attempt {Attempt} could not be recorded; the message is claimed again when its lease of {Lease} ends")]
    private static partial void LogRecordGaveUp(ILogger logger, string messageId, int attempt, TimeSpan lease, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming queued {Channel} messages failed; trying again in {Retry}")]
    private static partial void LogClaimFailed(ILogger logger, string channel, TimeSpan retry, Exception error);
}
