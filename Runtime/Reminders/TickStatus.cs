namespace O2C.Runtime;

/// <summary>What the reminder knew when it fired. Times are business times.</summary>
/// <param name="FirstTickTime">When the reminder was registered to fire first.</param>
/// <param name="Period">The period, or <see cref="TimeSpan.Zero"/> for a one-shot reminder.</param>
/// <param name="CurrentTickTime">The due time of this tick (the business clock may read later).</param>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
