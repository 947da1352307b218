using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using O2C.Clock;
using O2C.Storage;
using O2C.Telemetry;

namespace O2C.Grains.Common;

/// <summary>
/// What every order-to-cash grain shares: one state facet, business time, rows written with the
/// state (<see cref="CommitRows"/>), and reminders that never fall behind the state: committed with
/// it where storage and delivery are ours, otherwise a reminder the new state expects is registered
/// before the write and one it no longer needs is removed after it. Every call it handles is
/// traced with its key in the domain's words and logged within the grain's scope.
/// </summary>
public abstract class DomainGrain<TState>(IPersistentState<TState> state, BusinessClock clock, GrainRows grainRows)
    : Grain, IRemindable, IIncomingGrainCallFilter
    where TState : StateWithRows, new()
{
    // Orleans has no one-shot reminder: the period is only the retry after a failed handler (with Orleans' delivery).
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

    /// <summary>The trace attribute that names this grain's key (<see cref="O2CTracing.CustomerId"/>, ...).</summary>
    protected abstract string KeyAttribute { get; }

    private ILogger? _scopeLogger;

    /// <summary>
    /// Runs innermost, inside the span Orleans' activity propagation opened for the call: the span gets
    /// the key as <see cref="KeyAttribute"/>, and every line logged during the call (by the grain, the
    /// storage, Npgsql) carries the grain id and the business time of the call's start.
    /// </summary>
    async Task IIncomingGrainCallFilter.Invoke(IIncomingGrainCallContext context)
    {
        O2CTracing.Tag(KeyAttribute, Key);
        _scopeLogger ??= ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("O2C.Grains");
        using (_scopeLogger.BeginScope(new GrainLogScope(this.GetGrainId(), Now)))
        {
            await context.Invoke();
        }
    }

    /// <summary>
    /// Writes the state with its rows and reminder changes. Reminder rows of ours commit in the
    /// state's transaction; otherwise a reminder is registered before the write and removed after
    /// it, so the state never expects a reminder that is not there. If the write fails, this
    /// activation's memory holds changes the database refused, so the activation is dropped and the
    /// next call starts from the truth.
    /// </summary>
    protected async Task SaveAsync(CommitRows rows)
    {
        var changes = new List<ReminderChange>();
        foreach (var change in rows.Reminders.GroupBy(r => r.ReminderName).Select(g => g.Last()))
        {
            if (change.ReminderName == _firing)
            {
                _firingNext = change;
            }
            else if (!IsStored(change))
            {
                changes.Add(change);
            }
        }

        var withState = grainRows.RemindersWithState;
        if (withState)
        {
            rows.ReminderRows = changes;
        }
        else
        {
            foreach (var registration in changes.Where(c => !c.Remove))
            {
                await ApplyAsync(registration);
            }
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

        foreach (var committed in rows.Committed)
        {
            committed();
        }

        foreach (var change in changes)
        {
            if (withState)
            {
                _reminders[change.ReminderName] = change.Remove ? null : change.DueAt;
            }
            else if (change.Remove)
            {
                await ApplyAsync(change);
            }
        }
    }

    /// <summary>
    /// A reminder fired. Orleans may deliver a tick other than the one last registered (one reloaded
    /// from the table, a retry), so what this activation knew of it no longer counts. The firing
    /// reminder is removed or moved only once the handler has done all its work: until then its row
    /// says work is due (the clock driver waits on it), and a handler that fails half-way is
    /// delivered again (at the next tick of its period, or when its lease ends).
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
            await ApplyAsync(next);
        }
    }

    /// <summary>
    /// Does what the state says is due; ends by forgetting the reminder or pointing it at its next
    /// time. A grain that registers no reminders forgets a stray one.
    /// </summary>
    protected virtual Task OnReminderAsync(string reminderName) => ForgetAsync(reminderName);

    /// <summary>Points the reminder <paramref name="name"/> at <paramref name="at"/> (business time).</summary>
    protected Task RemindAtAsync(string name, DateTimeOffset at) => ChangeAsync(new ReminderChange(name, at, Remove: false));

    /// <summary>Removes the reminder <paramref name="name"/>; a reminder handler ends with this or with a new time.</summary>
    protected Task ForgetAsync(string name) => ChangeAsync(new ReminderChange(name, default, Remove: true));

    private Task ChangeAsync(ReminderChange change)
    {
        if (change.ReminderName == _firing)
        {
            _firingNext = change;
            return Task.CompletedTask;
        }

        return IsStored(change) ? Task.CompletedTask : ApplyAsync(change);
    }

    private bool IsStored(ReminderChange change) =>
        _reminders.TryGetValue(change.ReminderName, out var known) && known == (change.Remove ? null : change.DueAt);

    private async Task ApplyAsync(ReminderChange change)
    {
        if (grainRows.WritesReminders)
        {
            await grainRows.ChangeRemindersAsync(this.GetGrainId(), [change]);
        }
        else if (change.Remove)
        {
            if (await this.GetReminder(change.ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        else
        {
            var now = clock.GetUtcNow();
            await this.RegisterOrUpdateReminder(change.ReminderName, change.DueAt > now ? change.DueAt - now : TimeSpan.Zero, RetryPeriod);
        }

        _reminders[change.ReminderName] = change.Remove ? null : change.DueAt;
    }

    protected static DateTimeOffset StartOf(DateOnly date) => BusinessDays.StartOf(date);
}
