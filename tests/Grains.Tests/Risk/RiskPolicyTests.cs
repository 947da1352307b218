using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Risk;

namespace O2C.Grains.Tests.Risk;

public sealed class RiskPolicyTests
{
    private static readonly RiskPolicy Policy = new();

    private static PaymentBehaviour Behaviour(int late = 0, int maxDaysLate = 0, bool finalNotice = false, int broken = 0) =>
        new(late, maxDaysLate, finalNotice, broken);

    [Fact]
    public void ScoreBelowThirtyIsHigh()
    {
        var assessment = Policy.Assess(25, PaymentBehaviour.None);

        Assert.Equal(RiskProfile.High, assessment.Profile);
        Assert.Equal("LowCreditScore", assessment.Rule);
        Assert.Equal("High: credit score 25 is below 30", assessment.Reason);
    }

    [Fact]
    public void ScoreOfExactlyThirtyIsNotHigh()
    {
        Assert.Equal(RiskProfile.Medium, Policy.Assess(30, PaymentBehaviour.None).Profile);
    }

    [Fact]
    public void ThreeLatePaymentsAreHigh()
    {
        var assessment = Policy.Assess(90, Behaviour(late: 3, maxDaysLate: 5));

        Assert.Equal(RiskProfile.High, assessment.Profile);
        Assert.Equal("HabitualLatePayer", assessment.Rule);
        Assert.Contains("3 invoices paid late", assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoLatePaymentsAreNotHigh()
    {
        Assert.NotEqual(RiskProfile.High, Policy.Assess(90, Behaviour(late: 2, maxDaysLate: 5)).Profile);
    }

    [Fact]
    public void BrokenPromisesCountAsLatePayments()
    {
        var assessment = Policy.Assess(90, Behaviour(late: 2, maxDaysLate: 3, broken: 1));

        Assert.Equal(RiskProfile.High, assessment.Profile);
        Assert.Equal("HabitualLatePayer", assessment.Rule);
        Assert.Contains("1 broken promises", assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReachingFinalNoticeIsHigh()
    {
        var assessment = Policy.Assess(95, Behaviour(late: 1, maxDaysLate: 30, finalNotice: true));

        Assert.Equal(RiskProfile.High, assessment.Profile);
        Assert.Equal("ReachedFinalNotice", assessment.Rule);
    }

    [Fact]
    public void GoodScoreAndPunctualIsLow()
    {
        var assessment = Policy.Assess(75, Behaviour(late: 2, maxDaysLate: 7));

        Assert.Equal(RiskProfile.Low, assessment.Profile);
        Assert.Equal("GoodStanding", assessment.Rule);
        Assert.StartsWith("Low: credit score 75", assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GoodScoreButEightDaysLateIsMedium()
    {
        var assessment = Policy.Assess(90, Behaviour(late: 1, maxDaysLate: 8));

        Assert.Equal(RiskProfile.Medium, assessment.Profile);
        Assert.Contains("8 days late", assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreOfSeventyFourIsMedium()
    {
        Assert.Equal(RiskProfile.Medium, Policy.Assess(74, PaymentBehaviour.None).Profile);
    }

    [Fact]
    public void NoScoreAndNoHistoryIsMedium()
    {
        var assessment = Policy.Assess(null, PaymentBehaviour.None);

        Assert.Equal(RiskProfile.Medium, assessment.Profile);
        Assert.Equal("Medium: no credit score and no payment history", assessment.Reason);
    }

    [Fact]
    public void NoScoreWithHabitualLatenessIsStillHigh()
    {
        Assert.Equal(RiskProfile.High, Policy.Assess(null, Behaviour(late: 4, maxDaysLate: 20)).Profile);
    }

    [Fact]
    public void ThresholdsAreConfigurable()
    {
        var strict = new RiskPolicy(new RiskThresholds { HighScoreBelow = 50, LatePaymentsForHigh = 1, LowScoreAtLeast = 90, LowMaxDaysLate = 0 });

        Assert.Equal("High: credit score 45 is below 50", strict.Assess(45, PaymentBehaviour.None).Reason);
        Assert.Equal(RiskProfile.High, strict.Assess(95, Behaviour(late: 1, maxDaysLate: 1)).Profile);
        Assert.Equal(RiskProfile.Medium, strict.Assess(89, PaymentBehaviour.None).Profile);
        Assert.Equal(RiskProfile.Low, strict.Assess(90, PaymentBehaviour.None).Profile);
    }

    [Fact]
    public void DefaultThresholdsAreValidAndContradictionsAreReported()
    {
        Assert.Empty(new RiskThresholds().Validate());
        var errors = new RiskThresholds { HighScoreBelow = 80, LowScoreAtLeast = 70, LatePaymentsForHigh = 0 }.Validate();
        Assert.Equal(2, errors.Count);
    }
}
