using O2C.Grains.Collections;
using O2C.Grains.Dunning;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Tests.Collections;

/// <summary>
/// A Dutch and a German late payer owing 2,500.00 due 15 January 2026, walked along the default
/// Medium ladder and on to day 120. 2026 is no leap year, so both divide by 365:
/// NL 2,500.00 x 10.15% x days / 365, DE 2,500.00 x 10.27% x days / 365.
/// </summary>
public sealed class InterestAtEachLadderStepTests
{
    private static readonly DateOnly Due = new(2026, 1, 15);

    [Theory]
    [InlineData("NL", DunningStage.Reminder, 3, 2.09)]             // 2.085616
    [InlineData("NL", DunningStage.SecondReminder, 14, 9.73)]      // 9.732877
    [InlineData("NL", DunningStage.FinalNotice, 28, 19.47)]        // 19.465753
    [InlineData("NL", DunningStage.Collection, 42, 29.20)]         // 29.198630
    [InlineData("NL", DunningStage.Collection, 120, 83.42)]        // 83.424658
    [InlineData("DE", DunningStage.Reminder, 3, 2.11)]             // 2.110274
    [InlineData("DE", DunningStage.SecondReminder, 14, 9.85)]      // 9.847945
    [InlineData("DE", DunningStage.FinalNotice, 28, 19.70)]        // 19.695890
    [InlineData("DE", DunningStage.Collection, 42, 29.54)]         // 29.543836
    [InlineData("DE", DunningStage.Collection, 120, 84.41)]        // 84.410959
    public void InterestAndCompensationToTheCent(string country, DunningStage stage, int days, double interest)
    {
        var rules = LatePaymentInterestOptions.Shipped.RulesFor(country)!;
        var ladder = DunningLadder.Default(RiskProfile.Medium);
        Assert.True(days >= ladder.StepFor(stage)!.OffsetDays);

        var statement = LatePaymentInterest.Calculate(
            rules, new LateInvoice(country, "EUR", 2_500.00m, Due, []), Due.AddDays(days), stage);

        Assert.Equal((decimal)interest, statement.Interest);
        Assert.Equal(40.00m, statement.Compensation);
        var claimed = stage >= DunningStage.FinalNotice;
        Assert.Equal(claimed, statement.Claimed);
        Assert.Equal(claimed ? 2_500.00m + (decimal)interest + 40.00m : 2_500.00m, statement.TotalClaimable);
    }
}
