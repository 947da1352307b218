namespace O2C.Runtime.Tests.TestGrains;

public interface IAlarmGrain : IGrainWithStringKey
{
    Task SetOnce(string name, DateTimeOffset dueAt);
    Task SetPeriodic(string name, TimeSpan dueTime, TimeSpan period);

    /// <summary>A one-shot alarm that, when it fires, sets the next one <paramref name="step"/> later, <paramref name="count"/> times.</summary>
    Task SetChain(DateTimeOffset firstDueAt, TimeSpan step, int count);
    Task Cancel(string name);
    Task<IReadOnlyList<string>> Reminders();
}
