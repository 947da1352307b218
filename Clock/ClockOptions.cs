namespace O2C.Clock;

/// <summary>Configuration section <c>O2C:Clock</c>.</summary>
public sealed class ClockOptions
{
    public ClockMode Mode { get; set; } = ClockMode.System;

    /// <summary>Business time at start for Manual and Accelerated; wall time now when unset.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>Business seconds per wall second in Accelerated mode.</summary>
    public double Speed { get; set; } = 1;
}
