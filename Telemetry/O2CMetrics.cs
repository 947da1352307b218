using System.Diagnostics.Metrics;

namespace O2C.Telemetry;

/// <summary>
/// The business meter <c>O2C</c>: what the order-to-cash flow did, counted where it is decided and
/// once it is committed. Exported by OpenTelemetry (Prometheus <c>/metrics</c>, OTLP) with the
/// Orleans, ASP.NET Core, Npgsql and runtime meters. Per silo, like every meter: Prometheus sums
/// the silos.
/// </summary>
public sealed class O2CMetrics
{
    public const string MeterName = "O2C";

    // Wake-ups come due in business time, which a Manual clock moves by days at once and the demo
    // runs 43,200x: the business lag spans milliseconds to weeks, the wall lag milliseconds to minutes.
    private static readonly double[] BusinessLagBuckets = [0.001, 0.01, 0.1, 1, 10, 60, 600, 3600, 21600, 86400, 604800];
    private static readonly double[] WallLagBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Counter<long> _orders;
    private readonly Counter<long> _invoicesIssued;
    private readonly Counter<long> _payments;
    private readonly Counter<long> _messages;
    private readonly Counter<long> _casesOpened;
    private readonly Counter<long> _casesClosed;
    private readonly Counter<long> _wakeUps;
    private readonly Histogram<double> _wakeUpBusinessLag;
    private readonly Histogram<double> _wakeUpWallLag;

    public O2CMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _orders = meter.CreateCounter<long>("o2c.orders", "{order}", "Orders decided, by outcome: accepted (invoiced), held (over the credit limit), released (a held order invoiced), rejected");
        _invoicesIssued = meter.CreateCounter<long>("o2c.invoices.issued", "{invoice}", "Invoices issued");
        _payments = meter.CreateCounter<long>("o2c.payments", "{payment}", "Payments received, by outcome: matched, partly_matched, unmatched");
        _messages = meter.CreateCounter<long>("o2c.messages", "{message}", "Dunning messages by channel and outcome: queued, sent, failed, cancelled");
        _casesOpened = meter.CreateCounter<long>("o2c.cases.opened", "{case}", "Dunning cases opened (or reopened), by risk profile");
        _casesClosed = meter.CreateCounter<long>("o2c.cases.closed", "{case}", "Dunning cases closed (nothing outstanding), by the stage they had reached and risk profile");
        _wakeUps = meter.CreateCounter<long>("o2c.wakeups", "{wakeup}", "Reminder ticks handled by a grain, by grain type and outcome: delivered, failed");
        _wakeUpBusinessLag = meter.CreateHistogram(
            "o2c.wakeup.lag.business", "s", "Business time from a wake-up's due time to its handling", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = BusinessLagBuckets });
        _wakeUpWallLag = meter.CreateHistogram(
            "o2c.wakeup.lag.wall", "s", "Wall time from a wake-up's due time to its handling (business lag over the clock's speed; not recorded under a Manual clock)", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = WallLagBuckets });
    }

    public void OrderAccepted() => _orders.Add(1, Tag.Outcome("accepted"));

    public void OrderHeld() => _orders.Add(1, Tag.Outcome("held"));

    public void OrderReleased() => _orders.Add(1, Tag.Outcome("released"));

    public void OrdersRejected(int count = 1) => _orders.Add(count, Tag.Outcome("rejected"));

    public void InvoiceIssued() => _invoicesIssued.Add(1);

    /// <param name="outcome"><c>matched</c>, <c>partly_matched</c> or <c>unmatched</c>.</param>
    public void PaymentReceived(string outcome) => _payments.Add(1, Tag.Outcome(outcome));

    public void MessageQueued(string channel) => _messages.Add(1, Tag.Channel(channel), Tag.Outcome("queued"));

    public void MessageSent(string channel) => _messages.Add(1, Tag.Channel(channel), Tag.Outcome("sent"));

    public void MessagesFailed(string channel, int count = 1) => _messages.Add(count, Tag.Channel(channel), Tag.Outcome("failed"));

    public void MessagesCancelled(string channel, int count) => _messages.Add(count, Tag.Channel(channel), Tag.Outcome("cancelled"));

    public void CaseOpened(string riskProfile) => _casesOpened.Add(1, Tag.RiskProfile(riskProfile));

    public void CaseClosed(string stage, string riskProfile) => _casesClosed.Add(1, Tag.Stage(stage), Tag.RiskProfile(riskProfile));

    /// <summary>A reminder tick a grain handled, with its lag; <paramref name="wallLag"/> null when business time does not run by itself.</summary>
    public void WakeUpHandled(string grainType, bool failed, TimeSpan businessLag, TimeSpan? wallLag)
    {
        var type = Tag.GrainType(grainType);
        _wakeUps.Add(1, type, Tag.Outcome(failed ? "failed" : "delivered"));
        _wakeUpBusinessLag.Record(businessLag.TotalSeconds, type);
        if (wallLag is { } wall)
        {
            _wakeUpWallLag.Record(wall.TotalSeconds, type);
        }
    }

    private static class Tag
    {
        public static KeyValuePair<string, object?> Outcome(string value) => new("outcome", value);

        public static KeyValuePair<string, object?> Channel(string value) => new("channel", value);

        public static KeyValuePair<string, object?> Stage(string value) => new("stage", value);

        public static KeyValuePair<string, object?> RiskProfile(string value) => new("risk_profile", value);

        public static KeyValuePair<string, object?> GrainType(string value) => new("grain_type", value);
    }
}
