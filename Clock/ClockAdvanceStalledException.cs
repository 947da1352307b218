namespace O2C.Clock;

/// <summary>
/// Reminders stayed due without being handled for longer than <see cref="ClockOptions.AdvanceStallTimeout"/>:
/// a handler that keeps failing, or a silo that holds their range and does not answer.
/// </summary>
public sealed class ClockAdvanceStalledException(DateTimeOffset businessTime, IReadOnlyList<string> stuck, TimeSpan waited)
    : TimeoutException($"Business time {businessTime:O}: reminders due but not handled for {waited.TotalSeconds:0} s: {string.Join(", ", stuck)}")
{
    public IReadOnlyList<string> Stuck { get; } = stuck;
}
