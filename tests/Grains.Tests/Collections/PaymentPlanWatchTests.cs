using O2C.Grains.Collections;

namespace O2C.Grains.Tests.Collections;

public sealed class PaymentPlanWatchTests
{
    private const int Grace = 5;

    // 900.00 in three instalments on the 1st of April, May and June 2026.
    private static readonly PaymentPlan Plan = PaymentPlan.Create(
        900.00m,
        [new(new(2026, 4, 1), 300.00m), new(new(2026, 5, 1), 300.00m), new(new(2026, 6, 1), 300.00m)],
        new(2026, 3, 15),
        new PaymentPlanOptions());

    private static PaymentPlanStatus On(DateOnly today, params PaymentReceived[] payments) =>
        PaymentPlanWatch.Evaluate(Plan, payments, today, Grace);

    [Fact]
    public void BeforeTheFirstDateThePlanIsOnTrack()
    {
        var status = On(new(2026, 3, 20));

        Assert.Equal(PlanState.OnTrack, status.State);
        Assert.Equal(0, status.InstalmentsPaid);
        Assert.Equal(1, status.NextInstalment);
        Assert.Equal("on track: none of 3 instalments paid yet; instalment 1 (300.00) due 2026-04-01.", status.Reason);
    }

    [Fact]
    public void APaidInstalmentMovesTheWatchToTheNext()
    {
        var status = On(new(2026, 4, 2), new PaymentReceived(new(2026, 3, 31), 300.00m));

        Assert.Equal(PlanState.OnTrack, status.State);
        Assert.Equal(1, status.InstalmentsPaid);
        Assert.Equal(new DateOnly(2026, 5, 1), status.NextDate);
        Assert.Equal("on track: instalment 1 of 3 paid; instalment 2 (300.00) due 2026-05-01.", status.Reason);
    }

    [Fact]
    public void AnUnpaidInstalmentIsInGraceUntilItsGraceEnds()
    {
        var status = On(new(2026, 4, 6), new PaymentReceived(new(2026, 4, 1), 200.00m));

        Assert.Equal(PlanState.InGrace, status.State);
        Assert.Equal(100.00m, status.NextAmountDue);
        Assert.Equal("in grace: instalment 1 of 3 (100.00 still due since 2026-04-01) must be paid by 2026-04-06.", status.Reason);
    }

    [Fact]
    public void TheDayAfterGraceEndsThePlanIsBroken()
    {
        // Instalment 2 is due 1 May; five grace days run to 6 May; the plan breaks on 7 May.
        var paidFirst = new PaymentReceived(new(2026, 4, 1), 300.00m);

        Assert.Equal(PlanState.InGrace, On(new(2026, 5, 6), paidFirst).State);
        var status = On(new(2026, 5, 7), paidFirst);

        Assert.Equal(PlanState.Broken, status.State);
        Assert.Equal(new DateOnly(2026, 5, 7), status.BrokenOn);
        Assert.Equal(2, status.MissedInstalment);
        Assert.Equal(1, status.InstalmentsPaid);
        Assert.Equal(300.00m, status.Shortfall);
        Assert.Equal("broken on 2026-05-07: instalment 2 of 3 (300.00 due 2026-05-01) was 300.00 short after 5 grace days.", status.Reason);
    }

    [Fact]
    public void APaymentAfterTheBreakDoesNotMendIt()
    {
        var status = On(
            new(2026, 5, 20),
            new PaymentReceived(new(2026, 4, 1), 300.00m),
            new PaymentReceived(new(2026, 5, 10), 300.00m));

        Assert.Equal(PlanState.Broken, status.State);
        Assert.Equal(new DateOnly(2026, 5, 7), status.BrokenOn);
        Assert.Equal(600.00m, status.Paid);
    }

    [Fact]
    public void PayingTwoAtOnceEarlyCounts()
    {
        var status = On(new(2026, 5, 20), new PaymentReceived(new(2026, 4, 1), 600.00m));

        Assert.Equal(PlanState.OnTrack, status.State);
        Assert.Equal(2, status.InstalmentsPaid);
        Assert.Equal(3, status.NextInstalment);
    }

    [Fact]
    public void AllPaidCompletesThePlanOnTheDayTheLastMoneyCame()
    {
        var status = On(
            new(2026, 6, 3),
            new PaymentReceived(new(2026, 4, 1), 300.00m),
            new PaymentReceived(new(2026, 5, 4), 300.00m),
            new PaymentReceived(new(2026, 6, 2), 300.00m));

        Assert.Equal(PlanState.Completed, status.State);
        Assert.Equal(new DateOnly(2026, 6, 2), status.CompletedOn);
        Assert.Equal("completed on 2026-06-02: all 3 instalments paid.", status.Reason);
    }
}
