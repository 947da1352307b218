using O2C.Grains.Interfaces.Preview;
using O2C.Storage;

namespace O2C.Grains.Common;

/// <summary>
/// A grain's dry run (see <see cref="DomainGrain{TState}"/>): business time as the run would see
/// it, the reminders the run's writes would leave, and what it would send or tell other grains.
/// The grain's code runs unchanged; only its writes land here instead of in the database.
/// </summary>
public sealed class DryRun(DateTimeOffset now, IEnumerable<DueReminder> reminders, IEnumerable<CustomerEvent> customerEvents)
{
    // Orleans fires a reminder once the clock is past its due time, and the clock driver moves to one
    // millisecond past it, in whole milliseconds: the business time a handler sees.
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    private readonly Dictionary<string, DateTimeOffset> _reminders = reminders.ToDictionary(r => r.Name, r => r.DueAt, StringComparer.Ordinal);
    private readonly List<CustomerEvent> _customerEvents = [.. customerEvents];

    public DateTimeOffset Now { get; private set; } = now;

    public bool Exists { get; set; }

    public List<MessagePreview> Messages { get; } = [];

    /// <summary>The case an invoice would join (set by an invoice's dry run).</summary>
    public CaseJoin? Join { get; set; }

    /// <summary>What the grain would tell its customer during this run (a case's dry run).</summary>
    public List<CustomerEvent> Told { get; } = [];

    /// <summary>The customer events that happened by now: the ones given, and the ones this run told.</summary>
    public IReadOnlyList<CustomerEvent> CustomerEventsByNow =>
        _customerEvents.Concat(Told).Where(e => e.At <= Now).OrderBy(e => e.At).ToList();

    /// <summary>The business time at which a reminder due at <paramref name="dueAt"/> fires: never before now.</summary>
    public DateTimeOffset FiringTime(DateTimeOffset dueAt)
    {
        var firing = new DateTimeOffset(dueAt.UtcTicks - dueAt.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero) + Tick;
        return firing > Now ? firing : Now;
    }

    /// <summary>The earliest reminder due up to <paramref name="to"/>, or null.</summary>
    public DueReminder? NextReminder(DateTimeOffset to) =>
        _reminders.Where(r => r.Value <= to).OrderBy(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new DueReminder(r.Key, r.Value)).FirstOrDefault();

    /// <summary>Business time moves on (never back).</summary>
    public void MoveTo(DateTimeOffset time)
    {
        if (time > Now)
        {
            Now = time;
        }
    }

    public void Fired(string reminderName) => _reminders.Remove(reminderName);

    /// <summary>What a write would have done to the grain's reminder rows.</summary>
    public void Apply(ReminderChange change)
    {
        if (change.Remove)
        {
            _reminders.Remove(change.ReminderName);
        }
        else
        {
            _reminders[change.ReminderName] = change.DueAt;
        }
    }
}
