using O2C.Grains.Collections;

namespace O2C.Grains.Tests.Collections;

public sealed class CaseHoldTests
{
    private static readonly DateOnly March1 = new(2026, 3, 1);
    private static readonly DateOnly March5 = new(2026, 3, 5);

    private static CaseHold Promise() => CaseHold.None.Start(HoldKind.Promise, March1, "pays on the 10th").Hold;

    [Fact]
    public void ACaseWithoutAHoldStartsOne()
    {
        var transition = CaseHold.None.Start(HoldKind.Dispute, March1, "goods damaged");

        Assert.True(transition.Accepted);
        Assert.Equal(HoldKind.Dispute, transition.Hold.Kind);
        Assert.Equal(March1, transition.Hold.Since);
        Assert.Null(transition.Ended);
        Assert.Equal("Dispute started on 2026-03-01: goods damaged", transition.Message);
    }

    [Theory]
    [InlineData(HoldKind.Dispute)]
    [InlineData(HoldKind.Promise)]
    [InlineData(HoldKind.Plan)]
    public void StartingAnyHoldWhileAnotherRunsIsAConflict(HoldKind kind)
    {
        var held = Promise();

        var transition = held.Start(kind, March5, "asked by phone");

        Assert.False(transition.Accepted);
        Assert.Equal(HoldRefusal.AnotherHoldRuns, transition.Refusal);
        Assert.Same(held, transition.Hold);
    }

    [Fact]
    public void TheConflictSaysWhatRunsAndHowToReplaceIt()
    {
        var transition = Promise().Start(HoldKind.Plan, March5, "short of cash");

        Assert.Equal(
            "the case is on hold for a promise to pay since 2026-03-01 (pays on the 10th); starting a payment plan must say it replaces it.",
            transition.Message);
    }

    [Fact]
    public void ReplacingEndsTheRunningHoldAsReplacedWithoutCountingAgainstRisk()
    {
        var transition = Promise().Start(HoldKind.Plan, March5, "short of cash", replaces: true);

        Assert.True(transition.Accepted);
        Assert.Equal(HoldKind.Plan, transition.Hold.Kind);
        Assert.Equal(HoldKind.Promise, transition.Ended);
        Assert.Equal(HoldEnding.Replaced, transition.Ending);
        Assert.False(transition.CountsAgainstRisk);
        Assert.False(transition.ResumesLadder);
        Assert.Equal("Payment plan replaces the promise to pay of 2026-03-01 on 2026-03-05: short of cash", transition.Message);
    }

    [Fact]
    public void ABrokenPromiseEndsTheHoldResumesTheLadderAndCountsAgainstRisk()
    {
        var transition = Promise().End(HoldKind.Promise, HoldEnding.Broken, new(2026, 3, 11), "nothing received by the 10th");

        Assert.True(transition.Accepted);
        Assert.False(transition.Hold.IsHeld);
        Assert.True(transition.ResumesLadder);
        Assert.True(transition.CountsAgainstRisk);
        Assert.Equal("Promise to pay of 2026-03-01 broken on 2026-03-11: nothing received by the 10th", transition.Message);
    }

    [Fact]
    public void AResolvedDisputeDoesNotCountAgainstRisk()
    {
        var disputed = CaseHold.None.Start(HoldKind.Dispute, March1, "wrong price").Hold;

        var transition = disputed.End(HoldKind.Dispute, HoldEnding.Resolved, March5, "credit note issued");

        Assert.True(transition.ResumesLadder);
        Assert.False(transition.CountsAgainstRisk);
    }

    [Fact]
    public void EndingAHoldThatDoesNotRunIsAConflict()
    {
        var notHeld = CaseHold.None.End(HoldKind.Plan, HoldEnding.Broken, March5, "missed");
        var other = Promise().End(HoldKind.Dispute, HoldEnding.Resolved, March5, "settled");

        Assert.Equal(HoldRefusal.NotRunning, notHeld.Refusal);
        Assert.Equal("no payment plan runs to end (the case is not on hold).", notHeld.Message);
        Assert.Equal(HoldRefusal.NotRunning, other.Refusal);
        Assert.Equal("no dispute runs to end (the case holds a promise to pay).", other.Message);
    }

    [Theory]
    [InlineData(HoldKind.Dispute, HoldEnding.Kept)]
    [InlineData(HoldKind.Dispute, HoldEnding.Broken)]
    [InlineData(HoldKind.Promise, HoldEnding.Completed)]
    [InlineData(HoldKind.Plan, HoldEnding.Kept)]
    [InlineData(HoldKind.Plan, HoldEnding.Replaced)]
    public void AnEndingThatDoesNotFitTheHoldIsRefused(HoldKind kind, HoldEnding ending)
    {
        var held = CaseHold.None.Start(kind, March1, "test").Hold;

        var transition = held.End(kind, ending, March5, "test");

        Assert.False(transition.Accepted);
        Assert.Equal(HoldRefusal.EndingDoesNotFit, transition.Refusal);
        Assert.True(transition.Hold.IsHeld);
    }
}
