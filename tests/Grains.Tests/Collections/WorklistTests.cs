using O2C.Grains.Collections;
using O2C.Grains.Interfaces.Customers;

namespace O2C.Grains.Tests.Collections;

public sealed class WorklistTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly WorklistWeights Weights = new();

    private static WorklistCase Case(
        string id, decimal amount, int daysOverdue, RiskProfile profile, int dueInDays,
        int brokenPromises = 0, int brokenPlans = 0, HoldKind? hold = null) =>
        new(id, "EUR", amount, daysOverdue, profile, brokenPromises, brokenPlans, Today.AddDays(dueInDays), hold);

    [Fact]
    public void ALargeOldHighRiskDebtRanksAboveASmallNewLowRiskOneAndSaysWhy()
    {
        // large: likelihood 0.45 + 0.40 x 95/180 + 0.10 = 0.7611; urgency 1 + 3/30 = 1.10;
        //        score 12,000.00 x 0.7611 x 1.10 = 10,046.67
        // small: likelihood 0.10 + 0.40 x 3/180 = 0.1067; urgency 1 / (1 + 4/7) = 0.6364;
        //        score 300.00 x 0.1067 x 0.6364 = 20.36
        var small = Case("case-small", 300.00m, 3, RiskProfile.Low, dueInDays: 4);
        var large = Case("case-large", 12_000.00m, 95, RiskProfile.High, dueInDays: -3, brokenPromises: 1);

        var ranked = Worklist.Rank([small, large], Today, Weights);

        Assert.Equal(["case-large", "case-small"], ranked.Select(e => e.Case.CaseId));
        Assert.Equal([1, 2], ranked.Select(e => e.Rank));
        Assert.Equal(10_046.67m, Math.Round(ranked[0].Score, 2));
        Assert.Equal(20.36m, Math.Round(ranked[1].Score, 2));
        Assert.Equal(
            "EUR 12000.00 at risk x 76% likely unpaid (High risk, 95 days overdue, 1 broken promise) x urgency 1.10 (next step 3 days overdue) = 10046.67",
            ranked[0].Reason);
        Assert.Equal(
            "EUR 300.00 at risk x 11% likely unpaid (Low risk, 3 days overdue) x urgency 0.64 (next step in 4 days) = 20.36",
            ranked[1].Reason);
    }

    [Fact]
    public void AMixOfCasesRanksByExpectedValueOfActingNow()
    {
        var cases = new[]
        {
            Case("on-hold", 20_000.00m, 60, RiskProfile.High, dueInDays: -10, hold: HoldKind.Plan),   // 20,000 x 0.5833 x 0.2  = 2,333.33
            Case("broken-plan", 3_000.00m, 40, RiskProfile.Medium, dueInDays: 0, brokenPlans: 1),   //  3,000 x 0.4889 x 1.0  = 1,466.67
            Case("ladder-ended", 5_000.00m, 120, RiskProfile.Medium, dueInDays: 0) with { NextActionDue = null }, // 5,000 x 0.5167 x 1 = 2,583.33
            Case("fresh-medium", 8_000.00m, 2, RiskProfile.Medium, dueInDays: 12),                   //  8,000 x 0.2544 x 0.3684 = 749.94
        };

        var ranked = Worklist.Rank(cases, Today, Weights);

        Assert.Equal(["ladder-ended", "on-hold", "broken-plan", "fresh-medium"], ranked.Select(e => e.Case.CaseId));
        Assert.Equal([2_583.33m, 2_333.33m, 1_466.67m, 749.94m], ranked.Select(e => Math.Round(e.Score, 2)));
        Assert.Contains("on hold: plan", ranked[1].Reason, StringComparison.Ordinal);
        Assert.Contains("ladder ended: hand over or write off", ranked[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EqualScoresGoToTheLargerAmountThenTheOlderDebtThenTheCaseId()
    {
        // 1,000 x 0.10 x 1 = 100 and 400 x 0.25 x 1 = 100: the same score.
        var lowLarge = Case("b", 1_000.00m, 0, RiskProfile.Low, dueInDays: 0);
        var mediumSmall = Case("a", 400.00m, 0, RiskProfile.Medium, dueInDays: 0);
        var twinA = Case("twin-a", 500.00m, 0, RiskProfile.Low, dueInDays: 0);
        var twinB = twinA with { CaseId = "twin-b" };

        var ranked = Worklist.Rank([twinB, mediumSmall, twinA, lowLarge], Today, Weights);

        Assert.Equal(["b", "a", "twin-a", "twin-b"], ranked.Select(e => e.Case.CaseId));
        Assert.Equal(ranked, Worklist.Rank([lowLarge, twinA, mediumSmall, twinB], Today, Weights));
    }

    [Fact]
    public void TheLikelihoodIsCappedAtOneAndTheUrgencyAtItsMaximum()
    {
        var hopeless = Case("x", 1_000.00m, 400, RiskProfile.High, dueInDays: -90, brokenPromises: 3, brokenPlans: 2);

        var entry = Assert.Single(Worklist.Rank([hopeless], Today, Weights));

        Assert.Equal(1m, entry.LikelihoodUnpaid);
        Assert.Equal(2m, entry.Urgency);
        Assert.Equal(2_000.00m, entry.Score);
    }

    [Fact]
    public void TheDefaultWeightsAreValidAndBadOnesAreNamed()
    {
        Assert.Empty(Weights.Validate());
        Assert.Equal(
            [
                "O2C:Collections:Worklist:HighRisk (1.5) must be between 0 and 1.",
                "O2C:Collections:Worklist:MaxUrgency (0.5) must be at least 1.",
            ],
            new WorklistWeights { HighRisk = 1.5m, MaxUrgency = 0.5m }.Validate());
    }
}
