namespace O2C.Api.Dashboard;

/// <summary>A snapshot of <see cref="GrainCallCounter"/>: this silo's grain calls and reminder ticks, taken at wall time <see cref="TakenAt"/>.</summary>
public sealed record CallStatistics(DateTimeOffset TakenAt, IReadOnlyList<MethodCalls> Methods, ReminderTicks Reminders);
