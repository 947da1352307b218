using O2C.Grains.Collections;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Tests.Collections;

public sealed class InterestRoundingTests
{
    // 10% a year on actual/365 makes 18.25 earn exactly 0.005 a day.
    private static readonly CountryInterestRules TenPercent = new()
    {
        LegalBasis = "test",
        Periods = [new(new(2025, 1, 1), null, 1m, 9m)],
    };

    private static InterestStatement After(int days) => LatePaymentInterest.Calculate(
        TenPercent,
        new LateInvoice("XX", "EUR", 18.25m, new(2025, 1, 31), []),
        new DateOnly(2025, 1, 31).AddDays(days),
        DunningStage.Reminder);

    [Fact]
    public void AMidpointRoundsAwayFromZero()
    {
        // 18.25 x 10% x 1/365 = 0.005 exactly; banker's rounding would give 0.00.
        Assert.Equal(0.01m, After(1).Interest);
    }

    [Fact]
    public void RoundingHappensOnceAtTheEndNotPerDay()
    {
        // 3 x 0.005 = 0.015 -> 0.02; rounding each day first would give 3 x 0.01 = 0.03.
        Assert.Equal(0.02m, After(3).Interest);
    }
}
