using System.Diagnostics;
using System.Globalization;
using O2C.Telemetry;

namespace O2C.Clock;

/// <summary>
/// A clock advance as one trace (<see cref="O2CTracing.Source"/>): a <c>clock.advance</c> span and,
/// under it, a <c>clock.batch</c> span per move of the clock, from that move to the next, tagged with
/// the business time it moved to and the reminders that fell due with it. The SQL the driver sends
/// meanwhile nests under the batch. Nothing is recorded unless a listener samples the trace.
/// </summary>
internal sealed class AdvanceTrace : IDisposable
{
    private readonly Activity? _advance;
    private Activity? _batch;

    public AdvanceTrace(DateTimeOffset from, DateTimeOffset to)
    {
        _advance = O2CTracing.Source.StartActivity("clock.advance");
        _advance?.SetTag("o2c.business_time.from", Format(from));
        _advance?.SetTag("o2c.business_time.to", Format(to));
    }

    /// <summary>Ends the batch before and starts the one of a move to <paramref name="movedTo"/>.</summary>
    public void Batch(DateTimeOffset movedTo, long remindersDue)
    {
        EndBatch();
        if (_advance is null)
        {
            return;
        }

        _batch = O2CTracing.Source.StartActivity("clock.batch");
        _batch?.SetTag("o2c.business_time", Format(movedTo));
        _batch?.SetTag("o2c.reminders_due", remindersDue);
    }

    public void Done(long remindersDue, int moves)
    {
        _advance?.SetTag("o2c.reminders_due", remindersDue);
        _advance?.SetTag("o2c.moves", moves);
    }

    public void Dispose()
    {
        EndBatch();
        _advance?.Dispose();
    }

    private void EndBatch()
    {
        _batch?.Dispose();
        _batch = null;
    }

    private static string Format(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
