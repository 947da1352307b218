using Microsoft.Extensions.Configuration;
using O2C.Grains.Collections;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Tests.Collections;

public sealed class LatePaymentInterestOptionsTests
{
    private static CountryInterestRules Rules(params InterestRatePeriod[] periods) => new() { LegalBasis = "test", Periods = [.. periods] };

    [Fact]
    public void TheShippedRulesAreValidAndCoverNlDeBeFr()
    {
        var shipped = LatePaymentInterestOptions.Shipped;

        Assert.Empty(shipped.Validate());
        Assert.Equal(["BE", "DE", "FR", "NL"], shipped.CountryCodes);
        Assert.True(shipped.RulesFor("NL")!.CompoundsYearly);
        Assert.False(shipped.RulesFor("DE")!.CompoundsYearly);
        Assert.Equal(DayCountBasis.ActualActual, shipped.RulesFor("NL")!.DayCount);
        Assert.Equal(DayCountBasis.Actual365Fixed, shipped.RulesFor("DE")!.DayCount);
    }

    [Theory]
    [InlineData("NL", "2024-03-01", 12.50)]
    [InlineData("NL", "2024-08-01", 12.25)]
    [InlineData("NL", "2025-02-01", 11.15)]
    [InlineData("NL", "2025-08-01", 10.15)]
    [InlineData("DE", "2024-03-01", 12.62)]
    [InlineData("DE", "2024-08-01", 12.37)]
    [InlineData("DE", "2025-02-01", 11.27)]
    [InlineData("DE", "2025-08-01", 10.27)]
    [InlineData("DE", "2026-02-01", 10.27)]
    [InlineData("FR", "2024-08-01", 14.25)]
    public void TheShippedRatesAreThePublishedOnes(string country, string day, double rate)
    {
        var rules = LatePaymentInterestOptions.Shipped.RulesFor(country)!;

        Assert.Equal((decimal)rate, rules.AnnualRate(rules.PeriodFor(DateOnly.Parse(day))!));
    }

    [Fact]
    public void AConfiguredCountryReplacesItsShippedRulesAndOthersKeepTheirs()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["O2C:Collections:Interest:Countries:DE:LegalBasis"] = "contract",
                ["O2C:Collections:Interest:Countries:DE:ClaimFromStage"] = "SecondReminder",
                ["O2C:Collections:Interest:Countries:DE:Periods:0:From"] = "2025-01-01",
                ["O2C:Collections:Interest:Countries:DE:Periods:0:ReferenceRate"] = "0",
                ["O2C:Collections:Interest:Countries:DE:Periods:0:Margin"] = "12",
            })
            .Build();

        var options = configuration.GetSection(LatePaymentInterestOptions.ConfigurationPath).Get<LatePaymentInterestOptions>()!;

        Assert.Empty(options.Validate());
        var de = options.RulesFor("DE")!;
        Assert.Equal(DunningStage.SecondReminder, de.ClaimFromStage);
        Assert.Equal(12m, de.AnnualRate(de.PeriodFor(new(2030, 1, 1))!));
        Assert.Same(LatePaymentInterestOptions.Shipped.RulesFor("NL"), options.RulesFor("NL"));
        Assert.Null(options.RulesFor("IT"));
    }

    [Fact]
    public void OverlappingPeriodsAreNamed()
    {
        var errors = Rules(
            new(new(2024, 1, 1), new(2024, 7, 15), 4.50m, 8m),
            new(new(2024, 7, 1), null, 4.25m, 8m)).Validate("NL");

        Assert.Equal(
            ["O2C:Collections:Interest:Countries:NL:Periods:1 (2024-07-01..open): overlaps period 0 (2024-01-01..2024-07-15); periods must be in date order without overlap."],
            errors);
    }

    [Fact]
    public void AGapBetweenPeriodsIsNamedWithTheDaysWithoutARate()
    {
        var errors = Rules(
            new(new(2024, 1, 1), new(2024, 6, 30), 3.62m, 9m),
            new(new(2024, 8, 1), null, 3.37m, 9m)).Validate("DE");

        Assert.Equal(
            ["O2C:Collections:Interest:Countries:DE:Periods:1 (2024-08-01..open): leaves a gap after period 0 (2024-01-01..2024-06-30) (2024-07-01..2024-07-31 has no rate)."],
            errors);
    }

    [Fact]
    public void OnlyTheLastPeriodMayBeOpenEnded()
    {
        var errors = Rules(
            new(new(2024, 1, 1), null, 3.62m, 9m),
            new(new(2024, 7, 1), null, 3.37m, 9m)).Validate("DE");

        Assert.Contains(errors, e => e.Contains("Periods:1", StringComparison.Ordinal) && e.Contains("only the last period may leave To empty", StringComparison.Ordinal));
    }

    [Fact]
    public void NegativeRatesAndMarginsAreRefusedButANegativeReferenceRateIsNot()
    {
        // The Basiszinssatz was -0.88% from 2016 to 2022: a negative reference rate is real, a negative total is not.
        Assert.Empty(Rules(new InterestRatePeriod(new(2020, 1, 1), null, -0.88m, 9m)).Validate("DE"));

        var errors = Rules(new InterestRatePeriod(new(2020, 1, 1), null, -2m, -1m)).Validate("DE");

        Assert.Equal(
            [
                "O2C:Collections:Interest:Countries:DE:Periods:0 (2020-01-01..open): Margin (-1) cannot be negative.",
                "O2C:Collections:Interest:Countries:DE:Periods:0 (2020-01-01..open): the rate (-2 + -1) cannot be negative.",
            ],
            errors);
    }

    [Fact]
    public void APeriodEndingBeforeItStartsAndNoPeriodsAtAllAreRefused()
    {
        Assert.Contains(
            "O2C:Collections:Interest:Countries:FR:Periods:0 (2024-07-01..2024-06-30): ends before it starts.",
            Rules(new InterestRatePeriod(new(2024, 7, 1), new(2024, 6, 30), 4.25m, 10m)).Validate("FR"));
        Assert.Equal(["O2C:Collections:Interest:Countries:BE: no interest rate periods."], Rules().Validate("BE"));
    }

    [Fact]
    public void AClaimStepBeforeTheDueDateIsRefused()
    {
        var rules = Rules(new InterestRatePeriod(new(2024, 1, 1), null, 4m, 8m));
        rules.ClaimFromStage = DunningStage.PreDueReminder;

        Assert.Equal(
            ["O2C:Collections:Interest:Countries:NL: ClaimFromStage must be a step after the due date (Reminder to Collection), not PreDueReminder."],
            rules.Validate("NL"));
    }
}
