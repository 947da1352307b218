using O2C.Grains.Credit;

namespace O2C.Grains.Tests.Credit;

public sealed class CreditCheckTests
{
    [Fact]
    public void OrderWithinLimitIsApproved()
    {
        var decision = CreditCheck.Decide(10_000m, 5_000m, 1_210m, "EUR");

        Assert.True(decision.IsApproved);
        Assert.Equal(CreditOutcome.Approve, decision.Outcome);
    }

    [Fact]
    public void OrderReachingTheLimitExactlyIsApproved()
    {
        Assert.True(CreditCheck.Decide(10_000m, 8_790m, 1_210m, "EUR").IsApproved);
    }

    [Fact]
    public void OrderPastTheLimitIsHeldWithFigures()
    {
        var decision = CreditCheck.Decide(10_000m, 9_000m, 1_210m, "EUR");

        Assert.Equal(CreditOutcome.Hold, decision.Outcome);
        Assert.Equal(
            "order 1,210.00 EUR would raise open exposure from 9,000.00 to 10,210.00, past the credit limit 10,000.00",
            decision.Reason);
    }

    [Fact]
    public void ZeroLimitHoldsAnyOrder()
    {
        Assert.False(CreditCheck.Decide(0m, 0m, 0.01m, "EUR").IsApproved);
    }
}
