namespace O2C.Grains.Risk;

/// <summary>The limits <see cref="RiskPolicy"/> applies; bindable from configuration.</summary>
public sealed class RiskThresholds
{
    /// <summary>A credit score below this makes a customer High risk.</summary>
    public int HighScoreBelow { get; set; } = 30;

    /// <summary>This many late payments (broken promises included) in 12 months make a customer High risk.</summary>
    public int LatePaymentsForHigh { get; set; } = 3;

    /// <summary>A credit score of at least this can make a customer Low risk.</summary>
    public int LowScoreAtLeast { get; set; } = 75;

    /// <summary>Low risk also needs no invoice paid more than this many days late.</summary>
    public int LowMaxDaysLate { get; set; } = 7;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (HighScoreBelow > LowScoreAtLeast)
        {
            errors.Add($"Risk:HighScoreBelow ({HighScoreBelow}) must not exceed Risk:LowScoreAtLeast ({LowScoreAtLeast}).");
        }

        if (LatePaymentsForHigh < 1)
        {
            errors.Add($"Risk:LatePaymentsForHigh ({LatePaymentsForHigh}) must be at least 1.");
        }

        if (LowMaxDaysLate < 0)
        {
            errors.Add($"Risk:LowMaxDaysLate ({LowMaxDaysLate}) cannot be negative.");
        }

        return errors;
    }
}
