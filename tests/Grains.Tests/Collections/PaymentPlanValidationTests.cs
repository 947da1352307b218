using O2C.Grains.Collections;

namespace O2C.Grains.Tests.Collections;

public sealed class PaymentPlanValidationTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly PaymentPlanOptions Options = new() { MaxInstalments = 4, MaxPlanDays = 180 };

    private static IReadOnlyList<PlanFieldError> Validate(decimal open, params Instalment[] instalments) =>
        PaymentPlan.Validate(open, instalments, Today, Options);

    [Fact]
    public void ThreeInstalmentsCoveringTheOpenAmountToTheCentAreAccepted()
    {
        var plan = PaymentPlan.Create(
            1_000.00m,
            [new(new(2026, 3, 10), 333.34m), new(new(2026, 4, 10), 333.33m), new(new(2026, 5, 10), 333.33m)],
            Today,
            Options);

        Assert.Equal(3, plan.Instalments.Count);
        Assert.Equal(Today, plan.AgreedOn);
        Assert.Equal(new DateOnly(2026, 5, 10), plan.LastDate);
    }

    [Fact]
    public void ACentShortIsRefusedOnTheInstalmentsField()
    {
        var errors = Validate(1_000.00m, new(new(2026, 4, 1), 500.00m), new(new(2026, 5, 1), 499.99m));

        Assert.Equal([new PlanFieldError("instalments", "the amounts add up to 999.99 but the open amount is 1000.00 (0.01 short).")], errors);
    }

    [Fact]
    public void TooMuchIsRefusedToo()
    {
        var errors = Validate(100.00m, new Instalment(new(2026, 4, 1), 100.01m));

        Assert.Equal("the amounts add up to 100.01 but the open amount is 100.00 (0.01 too much).", Assert.Single(errors).Message);
    }

    [Fact]
    public void EachBadFieldIsNamedByItsPath()
    {
        var errors = Validate(
            300.00m,
            new(new(2026, 3, 9), 100.00m),    // before today
            new(new(2026, 4, 1), 0.00m),      // nothing
            new(new(2026, 4, 1), 150.005m),   // same date, part of a cent
            new(new(2026, 9, 7), 50.00m));    // beyond 180 days (2026-09-06)

        Assert.Equal(
            [
                "instalments[0].date: must not be before today (2026-03-10), got 2026-03-09.",
                "instalments[1].amount: must be more than 0, got 0.00.",
                "instalments[2].amount: must be in whole cents, got 150.005.",
                "instalments[2].date: must be after instalments[1].date (2026-04-01), got 2026-04-01.",
                "instalments[3].date: must be within 180 days of today (by 2026-09-06), got 2026-09-07.",
                "instalments: the amounts add up to 300.01 but the open amount is 300.00 (0.01 too much).",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void MoreInstalmentsThanAllowedAreRefused()
    {
        var instalments = Enumerable.Range(1, 5).Select(m => new Instalment(Today.AddMonths(m), 20.00m)).ToArray();

        var error = Assert.Single(Validate(100.00m, instalments));

        Assert.Equal(new PlanFieldError("instalments", "at most 4 instalments are allowed, got 5."), error);
    }

    [Fact]
    public void NoInstalmentsOrNothingOpenIsRefused()
    {
        Assert.Equal([new PlanFieldError("instalments", "at least one instalment is needed.")], Validate(100.00m));
        Assert.Contains(new PlanFieldError("openAmount", "there is nothing open to plan (0.00)."), Validate(0m, new Instalment(Today, 1m)));
    }

    [Fact]
    public void CreateRefusesAnInvalidPlanWithEveryReason()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            PaymentPlan.Create(100.00m, [new(new(2026, 3, 1), 90.00m)], Today, Options));

        Assert.Contains("instalments[0].date", error.Message, StringComparison.Ordinal);
        Assert.Contains("10.00 short", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultLimitsAreValidAndBadOnesAreNamed()
    {
        Assert.Empty(new PaymentPlanOptions().Validate());
        Assert.Equal(
            ["O2C:Collections:PaymentPlans:MaxInstalments (0) must be at least 1.", "O2C:Collections:PaymentPlans:GraceDays (-1) cannot be negative."],
            new PaymentPlanOptions { MaxInstalments = 0, GraceDays = -1 }.Validate());
    }
}
