namespace O2C.Grains.Collections;

/// <summary>
/// The collectors' worklist: open cases ordered by the expected value of acting on them now.
/// </summary>
/// <remarks>
/// score = amount at risk x likelihood unpaid x urgency, where
/// <list type="bullet">
/// <item>likelihood unpaid = min(1, risk base of the profile + Age x min(days overdue, horizon) / horizon
/// + PerBrokenPromise x broken promises + PerBrokenPlan x broken plans): how likely the money stays
/// out without a collector;</item>
/// <item>urgency = OnHoldUrgency while a hold runs; 1 when the ladder has no step left; for a next step
/// already due, 1 rising linearly to MaxUrgency over OverdueActionDays; for a step ahead,
/// 1 / (1 + days ahead / UpcomingHalfDays).</item>
/// </list>
/// Ties go to the larger amount, then the older debt, then the case id (ordinal), so the same cases
/// always rank the same way.
/// </remarks>
public static class Worklist
{
    public static IReadOnlyList<WorklistEntry> Rank(IEnumerable<WorklistCase> cases, DateOnly today, WorklistWeights weights)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(weights);
        return cases
            .Select(c => Score(c, today, weights))
            .OrderByDescending(e => e.Score)
            .ThenByDescending(e => e.Case.AmountAtRisk)
            .ThenByDescending(e => e.Case.DaysOverdue)
            .ThenBy(e => e.Case.CaseId, StringComparer.Ordinal)
            .Select((e, i) => e with { Rank = i + 1 })
            .ToList();
    }

    private static WorklistEntry Score(WorklistCase c, DateOnly today, WorklistWeights w)
    {
        var age = Math.Clamp(c.DaysOverdue, 0, w.AgeHorizonDays);
        var likelihood = Math.Min(1m,
            w.RiskBase(c.RiskProfile)
            + w.Age * age / w.AgeHorizonDays
            + w.PerBrokenPromise * c.BrokenPromises
            + w.PerBrokenPlan * c.BrokenPlans);
        var (urgency, why) = Urgency(c, today, w);
        var score = Math.Max(0m, c.AmountAtRisk) * likelihood * urgency;
        var reason =
            $"{c.Currency} {c.AmountAtRisk:0.00} at risk x {likelihood * 100m:0}% likely unpaid ({Factors(c)}) " +
            $"x urgency {urgency:0.00} ({why}) = {score:0.00}";
        return new WorklistEntry(0, c, score, likelihood, urgency, reason);
    }

    private static (decimal Urgency, string Why) Urgency(WorklistCase c, DateOnly today, WorklistWeights w)
    {
        if (c.Hold is { } hold)
        {
            return (w.OnHoldUrgency, $"on hold: {hold.ToString().ToLowerInvariant()}");
        }

        if (c.NextActionDue is not { } due)
        {
            return (1m, "ladder ended: hand over or write off");
        }

        var days = today.DayNumber - due.DayNumber;
        if (days >= 0)
        {
            var late = Math.Min(days, w.OverdueActionDays);
            var urgency = 1m + (w.MaxUrgency - 1m) * late / w.OverdueActionDays;
            return (urgency, days == 0 ? "next step due today" : $"next step {days} days overdue");
        }

        return (1m / (1m + (decimal)-days / w.UpcomingHalfDays), $"next step in {-days} days");
    }

    private static string Factors(WorklistCase c)
    {
        var factors = new List<string> { $"{c.RiskProfile} risk", $"{c.DaysOverdue} days overdue" };
        if (c.BrokenPromises > 0)
        {
            factors.Add($"{c.BrokenPromises} broken promise{(c.BrokenPromises == 1 ? "" : "s")}");
        }

        if (c.BrokenPlans > 0)
        {
            factors.Add($"{c.BrokenPlans} broken plan{(c.BrokenPlans == 1 ? "" : "s")}");
        }

        return string.Join(", ", factors);
    }
}
