using System.Diagnostics;

namespace O2C.Bench.Faults;

/// <summary>
/// Measures when the cluster serves writes again: from the fault's start it places one order every
/// 200 ms, each on the next silo in rotation and the next of the load's customers (so on grains all
/// over the cluster), one attempt each. Recovery is the first of <see cref="Streak"/> acknowledged
/// orders in a row that were all sent after the fault ended, in seconds from its end.
/// </summary>
public sealed class RecoveryProbe
{
    public const int Streak = 10;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(180);

    private readonly IngestLoad _load;
    private readonly string _probeId;
    private readonly DateOnly _orderDate;
    private readonly List<(long SentAt, bool Acknowledged)> _attempts = [];
    private readonly Task _running;
    private long _faultEnded;

    private RecoveryProbe(IngestLoad load, string probeId, DateOnly orderDate)
    {
        _load = load;
        _probeId = probeId;
        _orderDate = orderDate;
        _running = Task.Run(RunAsync);
    }

    /// <summary>Starts probing now, at the fault's start.</summary>
    public static RecoveryProbe Start(IngestLoad load, string probeId, DateOnly orderDate) => new(load, probeId, orderDate);

    /// <summary>
    /// Marks the fault's end and waits for the streak. Returns the recovery seconds (null: not within three
    /// minutes of the start) and the orders acknowledged while the fault lasted.
    /// </summary>
    public async Task<(double? RecoverySeconds, int ServedDuringFault)> FaultEndedAsync()
    {
        var ended = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref _faultEnded, ended);
        await _running;
        lock (_attempts)
        {
            var during = _attempts.Count(a => a.SentAt < ended && a.Acknowledged);
            var after = _attempts.Where(a => a.SentAt >= ended).ToList();
            for (var i = 0; i + Streak <= after.Count; i++)
            {
                if (after.Skip(i).Take(Streak).All(a => a.Acknowledged))
                {
                    return (Stopwatch.GetElapsedTime(ended, after[i].SentAt).TotalSeconds, during);
                }
            }

            return (null, during);
        }
    }

    private async Task RunAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var run = 0;
        for (var n = 0L; Stopwatch.GetElapsedTime(started) < GiveUpAfter; n++)
        {
            var sentAt = Stopwatch.GetTimestamp();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            bool acknowledged;
            try
            {
                acknowledged = await _load.PlaceOrderAsync($"{_probeId}-{n}", _load.CustomerId(n), _orderDate, once: true, timeout.Token) is not null;
            }
            catch (OperationCanceledException)
            {
                acknowledged = false;
            }

            var ended = Interlocked.Read(ref _faultEnded);
            lock (_attempts)
            {
                _attempts.Add((sentAt, acknowledged));
            }

            run = ended != 0 && sentAt >= ended && acknowledged ? run + 1 : 0;
            if (run >= Streak)
            {
                return;
            }

            var wait = Interval - Stopwatch.GetElapsedTime(sentAt);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }
    }
}
