namespace O2C.Clock;

/// <summary>Only a manual business clock can be advanced by hand.</summary>
public sealed class ClockNotManualException(ClockMode mode)
    : InvalidOperationException($"The business clock runs in {mode} mode; only a Manual clock can be advanced (set O2C:Clock:Mode=Manual).")
{
    public ClockMode Mode { get; } = mode;
}
