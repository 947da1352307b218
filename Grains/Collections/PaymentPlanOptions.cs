namespace O2C.Grains.Collections;

/// <summary>Limits on payment plans, bound from <c>O2C:Collections:PaymentPlans</c>.</summary>
public sealed class PaymentPlanOptions
{
    /// <summary>The section under <c>O2C</c>.</summary>
    public const string SectionName = "Collections:PaymentPlans";

    public int MaxInstalments { get; set; } = 12;

    /// <summary>The last instalment may fall at most this many days after the plan is agreed.</summary>
    public int MaxPlanDays { get; set; } = 365;

    /// <summary>Days after an instalment's date before a shortfall breaks the plan (bank transfers take a day or two).</summary>
    public int GraceDays { get; set; } = 5;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxInstalments < 1)
        {
            errors.Add($"O2C:{SectionName}:MaxInstalments ({MaxInstalments}) must be at least 1.");
        }

        if (MaxPlanDays < 1)
        {
            errors.Add($"O2C:{SectionName}:MaxPlanDays ({MaxPlanDays}) must be at least 1.");
        }

        if (GraceDays < 0)
        {
            errors.Add($"O2C:{SectionName}:GraceDays ({GraceDays}) cannot be negative.");
        }

        return errors;
    }
}
