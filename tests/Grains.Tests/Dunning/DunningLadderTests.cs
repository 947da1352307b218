using O2C.Grains.Dunning;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Tests.Dunning;

public sealed class DunningLadderTests
{
    private static readonly DateOnly Due = new(2026, 3, 1);

    [Fact]
    public void DefaultLaddersAreValid()
    {
        Assert.Empty(new DunningLadderOptions().Validate());
    }

    [Fact]
    public void LowLadderHasNoPreDueReminderAndOnlyEmail()
    {
        var ladder = DunningLadder.Default(RiskProfile.Low);

        Assert.Equal(
            [(DunningStage.Reminder, 7), (DunningStage.SecondReminder, 21), (DunningStage.FinalNotice, 35), (DunningStage.Collection, 50)],
            ladder.Steps.Select(s => (s.Stage, s.OffsetDays)));
        Assert.All(ladder.Steps, s => Assert.Equal([Channel.Email], s.Channels));
        Assert.Null(ladder.StageDueOn(Due, DunningStage.PreDueReminder));
    }

    [Fact]
    public void MediumLadderDefaults()
    {
        var ladder = DunningLadder.Default(RiskProfile.Medium);

        Assert.Equal([-3, 3, 14, 28, 42], ladder.Steps.Select(s => s.OffsetDays));
        Assert.Equal([Channel.Email, Channel.Letter], ladder.StepFor(DunningStage.Collection)!.Channels);
        Assert.Equal(new DateOnly(2026, 2, 26), ladder.StageDueOn(Due, DunningStage.PreDueReminder));
        Assert.Equal(new DateOnly(2026, 3, 29), ladder.StageDueOn(Due, DunningStage.FinalNotice));
    }

    [Fact]
    public void HighLadderDefaults()
    {
        var ladder = DunningLadder.Default(RiskProfile.High);

        Assert.Equal([-5, 1, 7, 14, 21], ladder.Steps.Select(s => s.OffsetDays));
        Assert.Equal([Channel.Email, Channel.Sms], ladder.StepFor(DunningStage.Reminder)!.Channels);
        Assert.Equal([Channel.Email, Channel.Sms], ladder.StepFor(DunningStage.SecondReminder)!.Channels);
        Assert.Equal([Channel.Email, Channel.Letter], ladder.StepFor(DunningStage.FinalNotice)!.Channels);
        Assert.Equal(new DateOnly(2026, 3, 22), ladder.StageDueOn(Due, DunningStage.Collection));
    }

    [Fact]
    public void NextStepWalksUpAndEndsAfterCollection()
    {
        var ladder = DunningLadder.Default(RiskProfile.Medium);

        Assert.Equal(DunningStage.PreDueReminder, ladder.NextStep(DunningStage.None)!.Stage);
        Assert.Equal(DunningStage.Reminder, ladder.NextStep(DunningStage.PreDueReminder)!.Stage);
        Assert.Equal(DunningStage.Reminder, ladder.NextPostDueStep(DunningStage.None)!.Stage);
        Assert.Equal(DunningStage.Collection, ladder.NextStep(DunningStage.FinalNotice)!.Stage);
        Assert.Null(ladder.NextStep(DunningStage.Collection));
    }

    [Fact]
    public void ChannelsAreTheStepsChannelsTheCustomerAccepts()
    {
        var step = new LadderStep(DunningStage.Reminder, 1, Channel.Email, Channel.Sms);

        Assert.Equal([Channel.Sms], DunningLadder.ChannelsFor(step, [Channel.Sms, Channel.Letter]));
        Assert.Equal([Channel.Email, Channel.Sms], DunningLadder.ChannelsFor(step, [Channel.Sms, Channel.Email]));
    }

    [Fact]
    public void ChannelsFallBackToEmailWhenNoneIsAccepted()
    {
        var step = new LadderStep(DunningStage.FinalNotice, 14, Channel.Letter);

        Assert.Equal([Channel.Email], DunningLadder.ChannelsFor(step, [Channel.Sms]));
        Assert.Equal([Channel.Email], DunningLadder.ChannelsFor(step, []));
    }

    [Fact]
    public void ValidationReportsOffsetsOutOfOrder()
    {
        var errors = DunningLadder.Validate(
        [
            new LadderStep(DunningStage.Reminder, 10, Channel.Email),
            new LadderStep(DunningStage.SecondReminder, 5, Channel.Email),
            new LadderStep(DunningStage.Collection, 20, Channel.Email),
        ]);

        Assert.Contains(errors, e => e.Contains("at 5 days must come after", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidationReportsStagesOutOfOrder()
    {
        var errors = DunningLadder.Validate(
        [
            new LadderStep(DunningStage.SecondReminder, 3, Channel.Email),
            new LadderStep(DunningStage.Reminder, 10, Channel.Email),
            new LadderStep(DunningStage.Collection, 20, Channel.Email),
        ]);

        Assert.Contains(errors, e => e.Contains("must be a later stage", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidationRequiresCollectionLast()
    {
        var errors = DunningLadder.Validate(
        [
            new LadderStep(DunningStage.Reminder, 3, Channel.Email),
            new LadderStep(DunningStage.FinalNotice, 10, Channel.Email),
        ]);

        Assert.Contains("the last step must be Collection, not FinalNotice.", errors);
    }

    [Fact]
    public void ValidationRequiresAReminderBeforeCollection()
    {
        var errors = DunningLadder.Validate([new LadderStep(DunningStage.Collection, 20, Channel.Email)]);

        Assert.Contains("the ladder needs at least one reminder before Collection.", errors);
    }

    [Fact]
    public void ValidationReportsMissingChannelsAndMisplacedPreDue()
    {
        var errors = DunningLadder.Validate(
        [
            new LadderStep(DunningStage.PreDueReminder, 2, Channel.Email),
            new LadderStep(DunningStage.Reminder, 3),
            new LadderStep(DunningStage.Collection, 20, Channel.Email),
        ]);

        Assert.Contains(errors, e => e.Contains("(PreDueReminder) must come before the due date", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("(Reminder) has no channels", StringComparison.Ordinal));
    }

    [Fact]
    public void InvalidLadderCannotBeBuilt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new DunningLadder(RiskProfile.Low, []));
        Assert.Contains("Invalid dunning ladder for Low", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsValidationNamesTheProfile()
    {
        var options = new DunningLadderOptions { High = [new LadderStep(DunningStage.Reminder, 1, Channel.Email)] };

        Assert.Equal(["Dunning:Ladders:High: the last step must be Collection, not Reminder."], options.Validate());
    }

    [Fact]
    public void ConfiguredProfileReplacesItsDefaultOthersKeepTheirs()
    {
        var options = new DunningLadderOptions
        {
            Low = [new LadderStep(DunningStage.Reminder, 10, Channel.Email), new LadderStep(DunningStage.Collection, 60, Channel.Letter)],
        };

        Assert.Equal([10, 60], options.LadderFor(RiskProfile.Low).Steps.Select(s => s.OffsetDays));
        Assert.Equal(5, options.LadderFor(RiskProfile.High).Steps.Count);
    }
}
