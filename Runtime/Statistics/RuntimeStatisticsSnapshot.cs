namespace O2C.Runtime.Statistics;

public sealed record RuntimeStatisticsSnapshot(
    DateTimeOffset TakenAt,
    IReadOnlyList<MethodCallSnapshot> Methods,
    IReadOnlyDictionary<string, long> ActivationsByType,
    ReminderCounters Reminders)
{
    public long Activations => ActivationsByType.Values.Sum();
}
