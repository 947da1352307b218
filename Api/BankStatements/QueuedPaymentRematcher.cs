using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using O2C.CashApplication.Matching;
using O2C.Clock;
using O2C.Grains.Interfaces.Payments;

namespace O2C.Api.BankStatements;

/// <summary>
/// Matches queued statement payments again when an invoice is issued (issue 16): a transfer that arrived before its
/// invoice, or named an invoice that did not exist yet, is applied by the same matcher with the same threshold once the
/// invoice is there, and its case closes as with any match. Invoice grains signal every issue in memory
/// (<see cref="IPaymentQueueSignal"/>); this service takes them in rounds, finds the queued payments they may concern
/// (the debtor's known payers and the matcher's guess, or the number or reference in the bank's text), and matches just
/// those against a fresh snapshot. At start it matches the whole queue once, for invoices issued while it was not listening.
/// </summary>
public sealed partial class QueuedPaymentRematcher(
    BankStatementStore store,
    IGrainFactory grains,
    BusinessClock clock,
    IOptions<BankStatementOptions> options,
    ILogger<QueuedPaymentRematcher> logger) : BackgroundService, IPaymentQueueSignal
{
    private const int MaxInvoicesPerRound = 200;
    private const int MaxPaymentsPerRound = 2_000;

    private readonly Channel<IssuedInvoice> _issued = Channel.CreateUnbounded<IssuedInvoice>(new UnboundedChannelOptions { SingleReader = true });

    public void InvoiceIssued(string customerId, string invoiceId, string paymentReference) =>
        _issued.Writer.TryWrite(new IssuedInvoice(customerId, invoiceId, paymentReference));

    /// <summary>Matches the queued payments these invoices may concern (all queued ones when null); answers how many were applied.</summary>
    public async Task<int> RematchAsync(IReadOnlyList<IssuedInvoice>? issued, CancellationToken cancellationToken)
    {
        var customers = issued?.Select(i => i.CustomerId).Distinct(StringComparer.Ordinal).ToList();
        var queued = await store.QueuedForRematchAsync(customers, issued is null ? null : RematchPatterns.For(issued), MaxPaymentsPerRound, cancellationToken);
        if (queued.Count == 0)
        {
            return 0;
        }

        var snapshot = await store.SnapshotAsync(cancellationToken);
        var applied = 0;
        foreach (var (paymentId, payment) in queued)
        {
            var match = CashMatcher.Match(payment, snapshot, options.Value.Matching);
            if (match.Outcome != MatchOutcome.Applied)
            {
                continue;
            }

            snapshot.Apply(match);
            var booking = await grains.GetGrain<IPaymentGrain>(paymentId).ReceiveFromStatement(ImportRun.Booking(paymentId, payment, match, clock.GetUtcNow()));
            if (booking.Duplicate)
            {
                continue; // a collector was quicker
            }

            await store.RecordBookingAsync(booking, match.Rule.ToString(), $"Matched again after an invoice was issued: {match.Explanation}", cancellationToken);
            applied++;
        }

        LogRound(logger, issued?.Count ?? 0, queued.Count, applied);
        return applied;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RoundAsync(null, stoppingToken);
        while (await _issued.Reader.WaitToReadAsync(stoppingToken))
        {
            var issued = new List<IssuedInvoice>();
            while (issued.Count < MaxInvoicesPerRound && _issued.Reader.TryRead(out var invoice))
            {
                issued.Add(invoice);
            }

            await RoundAsync(issued, stoppingToken);
        }
    }

    private async Task RoundAsync(List<IssuedInvoice>? issued, CancellationToken stoppingToken)
    {
        try
        {
            await RematchAsync(issued, stoppingToken);
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            // A round that fails (the database away, a grain timing out) leaves its payments queued: the next invoice of
            // their debtor, the next start or a collector takes them.
            LogFailed(logger, error, issued?.Count ?? 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-matched the payment queue for {Invoices} issued invoice(s) (0: all): {Queued} queued payment(s) looked at, {Applied} applied")]
    private static partial void LogRound(ILogger logger, int invoices, int queued, int applied);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-matching the payment queue for {Invoices} issued invoice(s) failed; their payments stay queued")]
    private static partial void LogFailed(ILogger logger, Exception error, int invoices);
}
