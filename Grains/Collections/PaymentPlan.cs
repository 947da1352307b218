namespace O2C.Grains.Collections;

/// <summary>
/// Instalments a debtor short of cash agreed to, covering the case's open amount exactly.
/// Only built through <see cref="Create"/>, so a plan in hand is always valid.
/// </summary>
public sealed record PaymentPlan
{
    private PaymentPlan(decimal openAmount, DateOnly agreedOn, IReadOnlyList<Instalment> instalments)
    {
        OpenAmount = openAmount;
        AgreedOn = agreedOn;
        Instalments = instalments;
    }

    public decimal OpenAmount { get; }

    public DateOnly AgreedOn { get; }

    public IReadOnlyList<Instalment> Instalments { get; }

    public DateOnly LastDate => Instalments[^1].Date;

    /// <summary>The plan, or every reason it is refused (thrown as one <see cref="ArgumentException"/>).</summary>
    public static PaymentPlan Create(decimal openAmount, IReadOnlyList<Instalment> instalments, DateOnly today, PaymentPlanOptions options)
    {
        var errors = Validate(openAmount, instalments, today, options);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid payment plan: {string.Join("; ", errors)}", nameof(instalments));
        }

        return new PaymentPlan(openAmount, today, [.. instalments]);
    }

    /// <summary>Every problem with a requested plan, each naming its field; empty when the plan can be agreed today.</summary>
    public static IReadOnlyList<PlanFieldError> Validate(
        decimal openAmount, IReadOnlyList<Instalment>? instalments, DateOnly today, PaymentPlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<PlanFieldError>();
        if (openAmount <= 0m)
        {
            errors.Add(new("openAmount", $"there is nothing open to plan ({openAmount:0.00})."));
        }

        if (instalments is not { Count: > 0 })
        {
            errors.Add(new("instalments", "at least one instalment is needed."));
            return errors;
        }

        if (instalments.Count > options.MaxInstalments)
        {
            errors.Add(new("instalments", $"at most {options.MaxInstalments} instalments are allowed, got {instalments.Count}."));
        }

        var lastAllowed = today.AddDays(options.MaxPlanDays);
        for (var i = 0; i < instalments.Count; i++)
        {
            errors.AddRange(ValidateInstalment(instalments, i, today, lastAllowed, options.MaxPlanDays));
        }

        var total = instalments.Where(x => x is not null).Sum(x => x.Amount);
        if (openAmount > 0m && total != openAmount)
        {
            var difference = total < openAmount ? $"{openAmount - total:0.00} short" : $"{total - openAmount:0.00} too much";
            errors.Add(new("instalments", $"the amounts add up to {total:0.00} but the open amount is {openAmount:0.00} ({difference})."));
        }

        return errors;
    }

    private static IEnumerable<PlanFieldError> ValidateInstalment(
        IReadOnlyList<Instalment> instalments, int i, DateOnly today, DateOnly lastAllowed, int maxPlanDays)
    {
        var instalment = instalments[i];
        var field = $"instalments[{i}]";
        if (instalment is null)
        {
            yield return new(field, "is empty.");
            yield break;
        }

        if (instalment.Amount <= 0m)
        {
            yield return new($"{field}.amount", $"must be more than 0, got {instalment.Amount:0.00}.");
        }
        else if (decimal.Round(instalment.Amount, 2) != instalment.Amount)
        {
            yield return new($"{field}.amount", $"must be in whole cents, got {instalment.Amount}.");
        }

        if (i == 0 && instalment.Date < today)
        {
            yield return new($"{field}.date", $"must not be before today ({today:yyyy-MM-dd}), got {instalment.Date:yyyy-MM-dd}.");
        }

        if (i > 0 && instalments[i - 1] is { } previous && instalment.Date <= previous.Date)
        {
            yield return new($"{field}.date", $"must be after instalments[{i - 1}].date ({previous.Date:yyyy-MM-dd}), got {instalment.Date:yyyy-MM-dd}.");
        }

        if (instalment.Date > lastAllowed)
        {
            yield return new($"{field}.date", $"must be within {maxPlanDays} days of today (by {lastAllowed:yyyy-MM-dd}), got {instalment.Date:yyyy-MM-dd}.");
        }
    }
}
