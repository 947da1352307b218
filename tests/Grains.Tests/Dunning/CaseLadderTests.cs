using O2C.Grains.Dunning;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Tests.Dunning;

public sealed class CaseLadderTests
{
    private static readonly DateOnly Due = new(2026, 1, 1);

    private static CaseInvoice Invoice(string id, DateOnly due, DunningStage level = DunningStage.None, DateOnly? since = null, decimal outstanding = 100m, bool disputed = false) =>
        new(id, due, level, since, outstanding, disputed);

    /// <summary>Drives a case the way the grain does: evaluate, then sleep until the reported next date.</summary>
    private static List<(DateOnly Day, string InvoiceId, DunningStage To)> Walk(DunningLadder ladder, IEnumerable<CaseInvoice> start, DateOnly from, int maxSteps = 50)
    {
        var sent = new List<(DateOnly, string, DunningStage)>();
        var invoices = start.ToList();
        DateOnly? today = from;
        for (var i = 0; i < maxSteps && today is { } day; i++)
        {
            var evaluation = CaseLadder.Evaluate(ladder, invoices, day);
            sent.AddRange(evaluation.Advances.Select(a => (day, a.InvoiceId, a.To)));
            invoices = [.. evaluation.Invoices];
            Assert.True(evaluation.NextAdvanceOn is null || evaluation.NextAdvanceOn > day, $"next date {evaluation.NextAdvanceOn} is not after {day}");
            today = evaluation.NextAdvanceOn;
        }

        return sent;
    }

    [Theory]
    [InlineData(RiskProfile.Low, new[] { 7, 21, 35, 50 })]
    [InlineData(RiskProfile.Medium, new[] { 3, 14, 28, 42 })]
    [InlineData(RiskProfile.High, new[] { 1, 7, 14, 21 })]
    public void SingleInvoiceWalksEveryPostDueStepOnItsDay(RiskProfile profile, int[] offsets)
    {
        var ladder = DunningLadder.Default(profile);

        var sent = Walk(ladder, [Invoice("A", Due)], Due);

        Assert.Equal(
            [
                (Due.AddDays(offsets[0]), "A", DunningStage.Reminder),
                (Due.AddDays(offsets[1]), "A", DunningStage.SecondReminder),
                (Due.AddDays(offsets[2]), "A", DunningStage.FinalNotice),
                (Due.AddDays(offsets[3]), "A", DunningStage.Collection),
            ],
            sent);
    }

    [Theory]
    [InlineData(RiskProfile.Low)]
    [InlineData(RiskProfile.Medium)]
    [InlineData(RiskProfile.High)]
    public void NothingMovesTheDayBeforeAStep(RiskProfile profile)
    {
        var ladder = DunningLadder.Default(profile);
        var level = DunningStage.None;
        DateOnly? since = null;
        foreach (var step in ladder.PostDueSteps)
        {
            var day = Due.AddDays(step.OffsetDays);
            Assert.Empty(CaseLadder.Evaluate(ladder, [Invoice("A", Due, level, since)], day.AddDays(-1)).Advances);
            Assert.Equal(step.Stage, Assert.Single(CaseLadder.Evaluate(ladder, [Invoice("A", Due, level, since)], day).Advances).To);
            (level, since) = (step.Stage, day);
        }
    }

    [Fact]
    public void FirstEvaluationReportsTheFirstReminderDate()
    {
        var evaluation = CaseLadder.Evaluate(DunningLadder.Default(RiskProfile.Medium), [Invoice("A", Due)], Due);

        Assert.False(evaluation.MessageDue);
        Assert.Equal(DunningStage.None, evaluation.Stage);
        Assert.Equal(Due.AddDays(3), evaluation.NextAdvanceOn);
    }

    [Fact]
    public void PreDueReminderLevelStillStartsTheCaseAtTheFirstReminder()
    {
        var ladder = DunningLadder.Default(RiskProfile.High);

        var evaluation = CaseLadder.Evaluate(ladder, [Invoice("A", Due, DunningStage.PreDueReminder, Due.AddDays(-5))], Due.AddDays(1));

        Assert.Equal(new InvoiceAdvance("A", DunningStage.PreDueReminder, DunningStage.Reminder), Assert.Single(evaluation.Advances));
        Assert.Equal(Due.AddDays(7), evaluation.NextAdvanceOn);
    }

    [Fact]
    public void InvoiceJoiningAtFinalNoticeStartsAtTheFirstReminder()
    {
        var ladder = DunningLadder.Default(RiskProfile.Medium);
        var a = Invoice("A", Due, DunningStage.FinalNotice, Due.AddDays(28));
        var bDue = Due.AddDays(29);
        var b = Invoice("B", bDue);

        // B fell due while the case was at FinalNotice; its own reminder comes 3 days after its own due date.
        var joined = CaseLadder.Evaluate(ladder, [a, b], bDue.AddDays(1));
        Assert.Empty(joined.Advances);
        Assert.Equal(DunningStage.FinalNotice, joined.Stage);
        Assert.Equal(bDue.AddDays(3), joined.NextAdvanceOn);

        var reminded = CaseLadder.Evaluate(ladder, joined.Invoices, bDue.AddDays(3));
        Assert.Equal(new InvoiceAdvance("B", DunningStage.None, DunningStage.Reminder), Assert.Single(reminded.Advances));
        Assert.Equal(DunningStage.FinalNotice, reminded.Stage); // the tone stays that of the most severe invoice
        Assert.Equal(
            [("A", DunningStage.FinalNotice), ("B", DunningStage.Reminder)],
            reminded.Invoices.Select(i => (i.InvoiceId, i.Level)));
    }

    [Fact]
    public void TwoInvoicesKeepTheirOwnLaddersUntilBothReachCollection()
    {
        var ladder = DunningLadder.Default(RiskProfile.Medium);
        var bDue = Due.AddDays(29);

        var sent = Walk(ladder, [Invoice("A", Due, DunningStage.FinalNotice, Due.AddDays(28)), Invoice("B", bDue)], bDue.AddDays(1));

        Assert.Equal(
            [
                (bDue.AddDays(3), "B", DunningStage.Reminder),
                (Due.AddDays(42), "A", DunningStage.Collection),
                (bDue.AddDays(14), "B", DunningStage.SecondReminder),
                (bDue.AddDays(28), "B", DunningStage.FinalNotice),
                (bDue.AddDays(42), "B", DunningStage.Collection),
            ],
            sent);
    }

    [Fact]
    public void LongOverdueInvoiceNeverSkipsAStep()
    {
        var ladder = DunningLadder.Default(RiskProfile.Medium);
        var today = Due.AddDays(40);

        var sent = Walk(ladder, [Invoice("A", Due)], today);

        // One rung per message, spaced like the ladder itself: 11, 14 and 14 days apart.
        Assert.Equal(
            [
                (today, "A", DunningStage.Reminder),
                (today.AddDays(11), "A", DunningStage.SecondReminder),
                (today.AddDays(25), "A", DunningStage.FinalNotice),
                (today.AddDays(39), "A", DunningStage.Collection),
            ],
            sent);
    }

    [Fact]
    public void EvaluatingTwiceOnTheSameDayAdvancesOnce()
    {
        var ladder = DunningLadder.Default(RiskProfile.Low);
        var today = Due.AddDays(100);

        var first = CaseLadder.Evaluate(ladder, [Invoice("A", Due)], today);
        var again = CaseLadder.Evaluate(ladder, first.Invoices, today);

        Assert.Single(first.Advances);
        Assert.Empty(again.Advances);
        Assert.Equal(DunningStage.Reminder, again.Stage);
    }

    [Fact]
    public void DisputedAndPaidInvoicesAreNeitherChasedNorListed()
    {
        var ladder = DunningLadder.Default(RiskProfile.Low);
        var today = Due.AddDays(7);

        var evaluation = CaseLadder.Evaluate(
            ladder,
            [Invoice("open", Due), Invoice("disputed", Due, DunningStage.SecondReminder, disputed: true), Invoice("paid", Due, outstanding: 0m)],
            today);

        Assert.Equal(["open"], evaluation.Invoices.Select(i => i.InvoiceId));
        Assert.Equal(DunningStage.Reminder, evaluation.Stage);
    }

    [Fact]
    public void PausedInvoiceResumesWithTheLadderSpacing()
    {
        var ladder = DunningLadder.Default(RiskProfile.Low);

        // Reminded on day 7, then disputed for a month; the second reminder keeps its 14-day gap at least.
        var resumed = Invoice("A", Due, DunningStage.Reminder, Due.AddDays(7));
        Assert.Equal(Due.AddDays(21), CaseLadder.NextAdvanceOn(ladder, resumed));

        var late = resumed with { LevelReachedOn = Due.AddDays(40) };
        Assert.Equal(Due.AddDays(54), CaseLadder.NextAdvanceOn(ladder, late));
    }

    [Fact]
    public void CaseAtCollectionHasNoNextDate()
    {
        var evaluation = CaseLadder.Evaluate(
            DunningLadder.Default(RiskProfile.High),
            [Invoice("A", Due, DunningStage.Collection, Due.AddDays(21))],
            Due.AddDays(60));

        Assert.Empty(evaluation.Advances);
        Assert.Equal(DunningStage.Collection, evaluation.Stage);
        Assert.Null(evaluation.NextAdvanceOn);
    }

    [Fact]
    public void EmptyCaseHasNoStageAndNoNextDate()
    {
        var evaluation = CaseLadder.Evaluate(DunningLadder.Default(RiskProfile.High), [], Due);

        Assert.False(evaluation.HasOpenInvoices);
        Assert.Equal(DunningStage.None, evaluation.Stage);
        Assert.Null(evaluation.NextAdvanceOn);
    }

    [Fact]
    public void NextDateIsTheEarliestOfAllInvoices()
    {
        var ladder = DunningLadder.Default(RiskProfile.High);

        var evaluation = CaseLadder.Evaluate(
            ladder,
            [Invoice("A", Due, DunningStage.Reminder, Due.AddDays(1)), Invoice("B", Due.AddDays(2))],
            Due.AddDays(2));

        Assert.Equal(Due.AddDays(3), evaluation.NextAdvanceOn); // B's reminder before A's second reminder on day 7
    }
}
