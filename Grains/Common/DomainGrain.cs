using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Text.Json;
using O2C.Clock;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Preview;
using O2C.Storage;
using O2C.Telemetry;

namespace O2C.Grains.Common;

/// <summary>
/// What every order-to-cash grain shares: one state facet, business time, rows written with the
/// state (<see cref="CommitRows"/>), and reminders that never fall behind the state: committed with
/// it where storage and delivery are ours, otherwise a reminder the new state expects is registered
/// before the write and one it no longer needs is removed after it. Every call it handles is
/// traced with its key in the domain's words and logged within the grain's scope.
/// A grain can also run its own code as a dry run (<see cref="DryRunAsync{T}"/>): on a copy of its
/// state, at business times of the run's choosing, with every write caught and nothing stored. The
/// previews of what a clock advance would send use this, so they run the code the advance runs.
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

    // Set while a dry run is going on: writes land here instead of in the database.
    private DryRun? _dryRun;

    // Bounds a dry run whose handlers keep pointing reminders at times already passed.
    private const int MaxDryRunSteps = 10_000;

    protected TState State
    {
        get => state.State;
        set => state.State = value;
    }

    protected bool RecordExists => _dryRun?.Exists ?? state.RecordExists;

    protected BusinessClock Clock => clock;

    protected DateTimeOffset Now => _dryRun?.Now ?? clock.GetUtcNow();

    protected DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>The dry run going on, or null in a real run.</summary>
    protected DryRun? DryRunning => _dryRun;

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
        if (_dryRun is { } dry)
        {
            foreach (var change in rows.Reminders)
            {
                dry.Apply(change);
            }

            dry.Exists = true;
            return;
        }

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
        if (_dryRun is { } dry)
        {
            dry.Apply(change);
            return Task.CompletedTask;
        }

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

    /// <summary>
    /// Runs <paramref name="body"/> as a dry run: on a copy of the state (put back afterwards, also
    /// when the body throws), with <see cref="Now"/> at the run's business time and every write caught
    /// by <paramref name="dry"/>. Grain turns do not interleave, so no other call sees the copy.
    /// </summary>
    protected async Task<T> DryRunAsync<T>(DryRun dry, Func<Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(dry);
        ArgumentNullException.ThrowIfNull(body);
        if (_dryRun is not null)
        {
            throw new InvalidOperationException($"{GetType().Name} {Key} is already in a dry run");
        }

        var original = state.State;
        dry.Exists = state.RecordExists;
        state.State = JsonSerializer.Deserialize<TState>(JsonSerializer.Serialize(original, RowJson.Options), RowJson.Options) ?? new TState();
        _dryRun = dry;
        try
        {
            return await body();
        }
        finally
        {
            _dryRun = null;
            state.State = original;
        }
    }

    /// <summary>
    /// In a dry run: fires the reminders due up to <paramref name="to"/> and the given calls in
    /// business-time order, the way a clock advance delivers them (a reminder at one millisecond past
    /// its due time; a call before a reminder firing at the same time), including the reminders the
    /// handlers point further on the way.
    /// </summary>
    protected async Task PlayUntilAsync(DateTimeOffset to, IEnumerable<(DateTimeOffset At, Func<Task> Call)> calls)
    {
        var dry = _dryRun ?? throw new InvalidOperationException("not in a dry run");
        var pending = new Queue<(DateTimeOffset At, Func<Task> Call)>(calls.Where(c => c.At <= to).OrderBy(c => c.At));
        for (var step = 0; step < MaxDryRunSteps; step++)
        {
            var reminder = dry.NextReminder(to);
            if (pending.TryPeek(out var call) && (reminder is null || call.At <= dry.FiringTime(reminder.DueAt)))
            {
                pending.Dequeue();
                dry.MoveTo(call.At);
                await call.Call();
            }
            else if (reminder is not null)
            {
                dry.MoveTo(dry.FiringTime(reminder.DueAt));
                dry.Fired(reminder.Name);
                await OnReminderAsync(reminder.Name);
            }
            else
            {
                return;
            }
        }

        throw new InvalidOperationException($"the dry run of {GetType().Name} {Key} did not settle within {MaxDryRunSteps} steps");
    }

    /// <summary>Messages a step queued: kept by a dry run; their count either way.</summary>
    protected int Queued(IReadOnlyList<MessagePreview> messages)
    {
        _dryRun?.Messages.AddRange(messages);
        return messages.Count;
    }

    /// <summary>The customer as the run would see it: in a dry run, after what the run told it so far.</summary>
    protected Task<CustomerSnapshot?> CustomerSnapshotAsync(string customerId) =>
        _dryRun is { } dry
            ? GrainFactory.GetGrain<ICustomerGrain>(customerId).PreviewSnapshot(dry.CustomerEventsByNow)
            : GrainFactory.GetGrain<ICustomerGrain>(customerId).GetSnapshot();
}
