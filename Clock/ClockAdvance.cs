namespace O2C.Clock;

/// <summary>What an advance of the manual business clock did.</summary>
/// <param name="From">Business time before the advance.</param>
/// <param name="To">Business time after it: the target, or a few milliseconds past it when reminders were due at the target itself.</param>
/// <param name="RemindersDue">Reminder ticks that fell due on the way and were handled, on every silo.</param>
/// <param name="Moves">Steps the clock took: one per distinct due time.</param>
public sealed record ClockAdvance(DateTimeOffset From, DateTimeOffset To, long RemindersDue, int Moves);
