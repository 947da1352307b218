using O2C.Grains.Interfaces.Customers;

namespace O2C.Grains.Collections;

/// <summary>The weights of <see cref="Worklist.Rank"/>, bound from <c>O2C:Collections:Worklist</c>.</summary>
public sealed class WorklistWeights
{
    /// <summary>The section under <c>O2C</c>.</summary>
    public const string SectionName = "Collections:Worklist";

    /// <summary>The likelihood a Low-risk customer's overdue debt stays unpaid without action, before age and broken commitments.</summary>
    public decimal LowRisk { get; set; } = 0.10m;

    public decimal MediumRisk { get; set; } = 0.25m;

    public decimal HighRisk { get; set; } = 0.45m;

    /// <summary>Added to the likelihood linearly with days overdue, in full at <see cref="AgeHorizonDays"/>.</summary>
    public decimal Age { get; set; } = 0.40m;

    public int AgeHorizonDays { get; set; } = 180;

    public decimal PerBrokenPromise { get; set; } = 0.10m;

    /// <summary>Heavier than a broken promise: a plan was the debtor's own schedule.</summary>
    public decimal PerBrokenPlan { get; set; } = 0.15m;

    /// <summary>Urgency of an overdue next step grows from 1 to this over <see cref="OverdueActionDays"/>.</summary>
    public decimal MaxUrgency { get; set; } = 2.0m;

    public int OverdueActionDays { get; set; } = 30;

    /// <summary>A next step this many days ahead has half the urgency of one due today.</summary>
    public int UpcomingHalfDays { get; set; } = 7;

    /// <summary>A case on hold (dispute, promise, plan) still shows, low: its hold may need a look.</summary>
    public decimal OnHoldUrgency { get; set; } = 0.2m;

    public decimal RiskBase(RiskProfile profile) => profile switch
    {
        RiskProfile.Low => LowRisk,
        RiskProfile.Medium => MediumRisk,
        RiskProfile.High => HighRisk,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
    };

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var where = $"O2C:{SectionName}";
        foreach (var (name, value) in new[] { (nameof(LowRisk), LowRisk), (nameof(MediumRisk), MediumRisk), (nameof(HighRisk), HighRisk), (nameof(Age), Age) })
        {
            if (value is < 0m or > 1m)
            {
                errors.Add($"{where}:{name} ({value}) must be between 0 and 1.");
            }
        }

        if (LowRisk > MediumRisk || MediumRisk > HighRisk)
        {
            errors.Add($"{where}: LowRisk ({LowRisk}) <= MediumRisk ({MediumRisk}) <= HighRisk ({HighRisk}) must hold.");
        }

        if (PerBrokenPromise < 0m || PerBrokenPlan < 0m || OnHoldUrgency < 0m)
        {
            errors.Add($"{where}: PerBrokenPromise, PerBrokenPlan and OnHoldUrgency cannot be negative.");
        }

        if (MaxUrgency < 1m)
        {
            errors.Add($"{where}:MaxUrgency ({MaxUrgency}) must be at least 1.");
        }

        if (AgeHorizonDays < 1 || OverdueActionDays < 1 || UpcomingHalfDays < 1)
        {
            errors.Add($"{where}: AgeHorizonDays, OverdueActionDays and UpcomingHalfDays must be at least 1.");
        }

        return errors;
    }
}
