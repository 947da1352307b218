using O2C.Grains.Collections;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Tests.Collections;

public sealed class CompensationTests
{
    private static readonly CountryInterestRules Nl = LatePaymentInterestOptions.Shipped.RulesFor("NL")!;

    [Fact]
    public void OncePerInvoiceWhateverThePaymentsAndRatePeriods()
    {
        // Three rate periods and two part payments still make one EUR 40.
        var invoice = new LateInvoice("NL", "EUR", 3_000.00m, new(2024, 5, 31),
        [
            new(new(2024, 7, 1), 500.00m),
            new(new(2024, 11, 15), 500.00m),
        ]);

        var statement = LatePaymentInterest.Calculate(Nl, invoice, new(2025, 2, 28), DunningStage.Collection);

        Assert.Equal(40.00m, statement.Compensation);
        Assert.Equal(3, statement.Lines.Select(l => l.AnnualRate).Distinct().Count());
        Assert.Equal(2_000.00m + statement.Interest + 40.00m, statement.TotalClaimable);
    }

    [Fact]
    public void EachLateInvoiceOfACaseCarriesItsOwn()
    {
        // The CJEU (C-585/20) reads the Directive's EUR 40 as due per late invoice, not per debtor or case.
        var first = LatePaymentInterest.Calculate(Nl, new("NL", "EUR", 100.00m, new(2025, 3, 1), []), new(2025, 4, 1), DunningStage.FinalNotice);
        var second = LatePaymentInterest.Calculate(Nl, new("NL", "EUR", 100.00m, new(2025, 3, 8), []), new(2025, 4, 1), DunningStage.FinalNotice);

        Assert.Equal(80.00m, first.Compensation + second.Compensation);
    }

    [Fact]
    public void NotClaimedBeforeTheClaimStep()
    {
        // NL claims from the final notice; at the first reminder the debtor is asked for the principal only,
        // while the statement still shows what has accrued.
        var invoice = new LateInvoice("NL", "EUR", 1_000.00m, new(2025, 3, 1), []);

        var reminder = LatePaymentInterest.Calculate(Nl, invoice, new(2025, 3, 20), DunningStage.Reminder);
        var finalNotice = LatePaymentInterest.Calculate(Nl, invoice, new(2025, 3, 20), DunningStage.FinalNotice);

        Assert.False(reminder.Claimed);
        Assert.Equal(1_000.00m, reminder.TotalClaimable);
        Assert.True(reminder.Interest > 0m);
        Assert.True(finalNotice.Claimed);
        Assert.Equal(1_000.00m + finalNotice.Interest + 40.00m, finalNotice.TotalClaimable);
    }

    [Fact]
    public void ShownButNotAddedWhenTheInvoiceIsInAnotherCurrency()
    {
        var statement = LatePaymentInterest.Calculate(
            Nl, new("NL", "GBP", 1_000.00m, new(2025, 3, 1), []), new(2025, 3, 20), DunningStage.FinalNotice);

        Assert.Equal(40.00m, statement.Compensation);
        Assert.Equal("EUR", statement.CompensationCurrency);
        Assert.Equal(1_000.00m + statement.Interest, statement.TotalClaimable);
    }
}
