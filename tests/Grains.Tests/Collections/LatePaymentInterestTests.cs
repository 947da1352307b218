using O2C.Grains.Collections;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Tests.Collections;

/// <summary>
/// Worked examples on the shipped rules. Each expected figure is written out as the sum of its
/// stretches (base x rate x days / year length) so a reader can redo it by hand.
/// </summary>
public sealed class LatePaymentInterestTests
{
    private static readonly CountryInterestRules Nl = LatePaymentInterestOptions.Shipped.RulesFor("NL")!;
    private static readonly CountryInterestRules De = LatePaymentInterestOptions.Shipped.RulesFor("DE")!;

    private static LateInvoice Invoice(string country, decimal principal, DateOnly due, params PaymentReceived[] payments) =>
        new(country, "EUR", principal, due, payments);

    [Fact]
    public void NlAcrossTheRateChangeFrom2024H1To2024H2()
    {
        // 2024 is a leap year and NL counts actual/actual:
        // 10,000.00 x 12.50% x 30/366 (June) = 102.459016...
        // 10,000.00 x 12.25% x 31/366 (July) = 103.756830...
        // sum 206.215847 -> 206.22
        var statement = LatePaymentInterest.Calculate(
            Nl, Invoice("NL", 10_000.00m, new(2024, 5, 31)), new(2024, 7, 31), DunningStage.FinalNotice);

        Assert.Equal(206.22m, statement.Interest);
        Assert.Equal(
            [(new DateOnly(2024, 6, 1), 30, 12.50m, 366), (new DateOnly(2024, 7, 1), 31, 12.25m, 366)],
            statement.Lines.Select(l => (l.From, l.Days, l.AnnualRate, l.YearDays)));
        Assert.Equal(10_000.00m + 206.22m + 40.00m, statement.TotalClaimable);
    }

    [Fact]
    public void NlPartPaymentLowersTheBaseFromItsDate()
    {
        // 4,000.00 paid on 16 July: that day already accrues on 6,000.00.
        // 10,000.00 x 12.50% x 30/366 (1-30 June)  = 102.459016...
        // 10,000.00 x 12.25% x 15/366 (1-15 July)  =  50.204918...
        //  6,000.00 x 12.25% x 31/366 (16 Jul-15 Aug) = 62.254098...
        // sum 214.918032 -> 214.92
        var statement = LatePaymentInterest.Calculate(
            Nl,
            Invoice("NL", 10_000.00m, new(2024, 5, 31), new PaymentReceived(new(2024, 7, 16), 4_000.00m)),
            new(2024, 8, 15),
            DunningStage.FinalNotice);

        Assert.Equal(214.92m, statement.Interest);
        Assert.Equal([10_000.00m, 10_000.00m, 6_000.00m], statement.Lines.Select(l => l.Base));
        Assert.Equal(6_000.00m, statement.OpenPrincipal);
    }

    [Fact]
    public void NlCompoundsAfterEachFullYearOfDefault()
    {
        // Interest from 1 April 2024; the first year ends on 31 March 2025:
        // 10,000.00 x 12.50% x  91/366 + 10,000.00 x 12.25% x 184/366 + 10,000.00 x 11.15% x 90/365
        //   = 1,201.570851 (unrounded, joins the base on 1 April 2025)
        // 11,201.570851 x 11.15% x 91/365 = 311.388325
        // total 1,512.959176 -> 1,512.96 (without compounding it would be 1,479.56)
        var statement = LatePaymentInterest.Calculate(
            Nl, Invoice("NL", 10_000.00m, new(2024, 3, 31)), new(2025, 6, 30), DunningStage.Collection);

        Assert.Equal(1_512.96m, statement.Interest);
        var afterAnniversary = statement.Lines.Single(l => l.From == new DateOnly(2025, 4, 1));
        Assert.Equal(11_201.57m, Math.Round(afterAnniversary.Base, 2));
        Assert.Equal(10_000.00m, statement.OpenPrincipal);
    }

    [Fact]
    public void DeDoesNotCompound()
    {
        // §289 BGB: no interest on default interest. Actual/365 throughout:
        // 10,000.00 x 12.62% x 91/365 + 10,000.00 x 12.37% x 184/365 + 10,000.00 x 11.27% x 181/365
        //   = 314.646575 + 623.583562 + 558.863014 = 1,497.093151 -> 1,497.09
        var statement = LatePaymentInterest.Calculate(
            De, Invoice("DE", 10_000.00m, new(2024, 3, 31)), new(2025, 6, 30), DunningStage.Collection);

        Assert.Equal(1_497.09m, statement.Interest);
        Assert.All(statement.Lines, l => Assert.Equal(10_000.00m, l.Base));
        Assert.All(statement.Lines, l => Assert.Equal(365, l.YearDays));
    }

    [Fact]
    public void DeAcrossARateChangeWithAPartPayment()
    {
        //  5,000.00 x 12.62% x 15/365 (16-30 June 2024)
        // +5,000.00 x 12.37% x 19/365 (1-19 July)
        // +2,500.00 x 12.37% x 43/365 (20 July-31 August, after 2,500.00 paid on 20 July)
        // = 25.931507 + 32.195205 + 36.432877 = 94.559589 -> 94.56
        var statement = LatePaymentInterest.Calculate(
            De,
            Invoice("DE", 5_000.00m, new(2024, 6, 15), new PaymentReceived(new(2024, 7, 20), 2_500.00m)),
            new(2024, 8, 31),
            DunningStage.FinalNotice);

        Assert.Equal(94.56m, statement.Interest);
        Assert.Equal(2_500.00m + 94.56m + 40.00m, statement.TotalClaimable);
    }

    [Fact]
    public void NothingAccruesOnTheDueDate()
    {
        var statement = LatePaymentInterest.Calculate(
            De, Invoice("DE", 1_000.00m, new(2025, 3, 31)), new(2025, 3, 31), DunningStage.Reminder);

        Assert.Equal(0m, statement.Interest);
        Assert.Equal(0m, statement.Compensation);
        Assert.Empty(statement.Lines);
    }

    [Fact]
    public void InterestStopsWhenPaidInFullButStaysClaimable()
    {
        // Due 1 April, paid in full on 11 April: interest for 2-10 April, the payment day itself is free:
        // 1,000.00 x 11.27% x 9/365 = 2.778904 -> 2.78
        var statement = LatePaymentInterest.Calculate(
            De,
            Invoice("DE", 1_000.00m, new(2025, 4, 1), new PaymentReceived(new(2025, 4, 11), 1_000.00m)),
            new(2025, 6, 1),
            DunningStage.FinalNotice);

        Assert.Equal(2.78m, statement.Interest);
        Assert.Equal(0m, statement.OpenPrincipal);
        Assert.Equal(2.78m + 40.00m, statement.TotalClaimable);
    }

    [Fact]
    public void BelgiumRoundsTheRateUpToTheNextHalfPercent()
    {
        var be = LatePaymentInterestOptions.Shipped.RulesFor("BE")!;

        Assert.Equal(12.5m, be.AnnualRate(be.PeriodFor(new(2024, 8, 1))!));
        Assert.Equal(11.5m, be.AnnualRate(be.PeriodFor(new(2025, 2, 1))!));
        Assert.Equal(10.5m, be.AnnualRate(be.PeriodFor(new(2025, 8, 1))!));
    }

    [Fact]
    public void AMissingRateNamesTheCountryAndTheDay()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LatePaymentInterest.Calculate(
            De, Invoice("DE", 1_000.00m, new(2022, 12, 1)), new(2023, 1, 31), DunningStage.Reminder));

        Assert.Contains("DE has no late-payment interest rate for 2022-12-02", error.Message, StringComparison.Ordinal);
    }
}
