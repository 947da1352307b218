using O2C.Clock;
using O2C.Storage;

namespace O2C.Grains.Common;

/// <summary>
/// What every order-to-cash grain shares: one state facet, business time, rows written with the
/// state (<see cref="CommitRows"/>), and reminders that never fall behind the state: a reminder the
/// new state expects is registered before the write, one it no longer needs is removed after it.
/// </summary>
public abstract class DomainGrain<TState>(IPersistentState<TState> state, BusinessClock clock, GrainRows grainRows) : Grain, IRemindable
    where TState : StateWithRows, new()
{
    // Orleans has no one-shot reminder: the period is only the retry after a failed handler.
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);

    // What this activation knows of its reminders (null: known to be absent), so an unchanged
    // reminder is not written again on every call.
    private readonly Dictionary<string, DateTimeOffset?> _reminders = new(StringComparer.Ordinal);

    // The reminder whose tick is being handled, and what the handler decided for it (applied when it ends).
    private string? _firing;
    private ReminderChange? _firingNext;

    protected TState State
    {
        get => state.State;
        set => state.State = value;
    }

    protected bool RecordExists => state.RecordExists;

    protected BusinessClock Clock => clock;

    protected DateTimeOffset Now => clock.GetUtcNow();

    protected DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    protected string Key => this.GetPrimaryKeyString();

    /// <summary>
    /// Writes the state with its rows. If the write fails, this activation's memory holds changes
    /// the database refused, so the activation is dropped and the next call starts from the truth.
    /// </summary>
    protected async Task SaveAsync(CommitRows rows)
    {
        var last = rows.Reminders.GroupBy(r => r.ReminderName).Select(g => g.Last()).ToList();
        foreach (var reminder in last.Where(r => !r.Remove))
        {
            await RemindAtAsync(reminder.ReminderName, reminder.DueAt);
        }

        State.Staged = rows;
        try
        {
            await state.WriteStateAsync();
            if (State.Staged is { } unwritten)
            {
                // A provider other than ours wrote the state alone: its rows follow in their own transaction.
                await grainRows.WriteAsync(this.GetGrainId(), unwritten);
            }
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
        finally
        {
            State.Staged = null;
        }

        foreach (var reminder in last.Where(r => r.Remove))
        {
            await ForgetAsync(reminder.ReminderName);
        }
    }

    /// <summary>
    /// A reminder fired. Orleans may deliver a tick other than the one last registered (one reloaded
    /// from the table, a retry), so what this activation knew of it no longer counts. The firing
    /// reminder is removed or moved only once the handler has done all its work: until then its row
    /// says work is due (the clock driver waits on it), and a handler that fails half-way is
    /// delivered again at the next tick of its period.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _reminders.Remove(reminderName);
        _firing = reminderName;
        _firingNext = null;
        try
        {
            await OnReminderAsync(reminderName);
        }
        finally
        {
            _firing = null;
        }

        if (_firingNext is { } next)
        {
            _firingNext = null;
            await (next.Remove ? ForgetNowAsync(reminderName) : RemindNowAsync(reminderName, next.DueAt));
        }
    }

    /// <summary>
    /// Does what the state says is due; ends by forgetting the reminder or pointing it at its next
    /// time. A grain that registers no reminders forgets a stray one.
    /// </summary>
    protected virtual Task OnReminderAsync(string reminderName) => ForgetAsync(reminderName);

    /// <summary>Points the reminder <paramref name="name"/> at <paramref name="at"/> (business time).</summary>
    protected Task RemindAtAsync(string name, DateTimeOffset at)
    {
        if (name == _firing)
        {
            _firingNext = new ReminderChange(name, at, Remove: false);
            return Task.CompletedTask;
        }

        return RemindNowAsync(name, at);
    }

    /// <summary>Removes the reminder <paramref name="name"/>; a reminder handler ends with this or with a new time.</summary>
    protected Task ForgetAsync(string name)
    {
        if (name == _firing)
        {
            _firingNext = new ReminderChange(name, default, Remove: true);
            return Task.CompletedTask;
        }

        return ForgetNowAsync(name);
    }

    private async Task RemindNowAsync(string name, DateTimeOffset at)
    {
        if (_reminders.TryGetValue(name, out var known) && known == at)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await this.RegisterOrUpdateReminder(name, at > now ? at - now : TimeSpan.Zero, RetryPeriod);
        _reminders[name] = at;
    }

    private async Task ForgetNowAsync(string name)
    {
        if (_reminders.TryGetValue(name, out var known) && known is null)
        {
            return;
        }

        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminders[name] = null;
    }

    protected static DateTimeOffset StartOf(DateOnly date) => BusinessDays.StartOf(date);
}
