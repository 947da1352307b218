using O2C.Clock;

namespace O2C.Runtime.Tests.TestGrains;

public sealed class AlarmGrain(
    [PersistentState("alarm")] IPersistentState<AlarmState> state,
    AlarmLog log,
    BusinessClock clock) : Grain, IAlarmGrain, IRemindable
{
    public Task SetOnce(string name, DateTimeOffset dueAt) => RegisterOrUpdateReminder(name, dueAt);

    public Task SetPeriodic(string name, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(name, dueTime, period);

    public async Task SetChain(DateTimeOffset firstDueAt, TimeSpan step, int count)
    {
        state.State.ChainStep = step;
        state.State.ChainLeft = count;
        await state.WriteStateAsync(new CommitRows().Remind("chain", firstDueAt));
    }

    public async Task Cancel(string name)
    {
        if (await GetReminder(name) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }
    }

    public async Task<IReadOnlyList<string>> Reminders() => (await GetReminders()).Select(r => r.ReminderName).ToList();

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        log.Record(new AlarmFired(this.GetPrimaryKeyString(), reminderName, clock.GetUtcNow(), status));
        if (reminderName == "chain" && --state.State.ChainLeft > 0)
        {
            await state.WriteStateAsync(new CommitRows().Remind("chain", clock.GetUtcNow() + state.State.ChainStep));
        }
    }
}
