using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Dunning;

/// <summary>
/// The escalation ladder of one risk profile. Immutable and always valid: the constructor
/// refuses steps that <see cref="Validate"/> rejects.
/// </summary>
public sealed class DunningLadder
{
    public DunningLadder(RiskProfile profile, IEnumerable<LadderStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var list = steps.ToList();
        var errors = Validate(list);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid dunning ladder for {profile}: {string.Join(" ", errors)}", nameof(steps));
        }

        Profile = profile;
        Steps = list;
        PostDueSteps = list.Where(s => s.Stage > DunningStage.PreDueReminder).ToList();
    }

    public RiskProfile Profile { get; }

    public IReadOnlyList<LadderStep> Steps { get; }

    /// <summary>The steps a dunning case walks; the pre-due reminder belongs to the invoice alone.</summary>
    public IReadOnlyList<LadderStep> PostDueSteps { get; }

    public static DunningLadder Default(RiskProfile profile) => new(profile, DunningLadderOptions.DefaultSteps(profile));

    public LadderStep? StepFor(DunningStage stage) => Steps.FirstOrDefault(s => s.Stage == stage);

    /// <summary>The first step more severe than <paramref name="afterStage"/>, or null past the last one.</summary>
    public LadderStep? NextStep(DunningStage afterStage) => Steps.FirstOrDefault(s => s.Stage > afterStage);

    /// <summary>Like <see cref="NextStep"/> but never the pre-due reminder.</summary>
    public LadderStep? NextPostDueStep(DunningStage afterStage) => PostDueSteps.FirstOrDefault(s => s.Stage > afterStage);

    /// <summary>The date an invoice due on <paramref name="dueDate"/> reaches <paramref name="stage"/>, or null when this ladder skips that stage.</summary>
    public DateOnly? StageDueOn(DateOnly dueDate, DunningStage stage) =>
        StepFor(stage) is { } step ? dueDate.AddDays(step.OffsetDays) : null;

    /// <summary>
    /// The step's channels the customer accepts, in the step's order. E-mail is the fallback when
    /// none is acceptable: a reminder that reaches nobody would still escalate the case.
    /// </summary>
    public static IReadOnlyList<Channel> ChannelsFor(LadderStep step, IEnumerable<Channel> preferredChannels)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(preferredChannels);
        var accepted = preferredChannels.ToHashSet();
        var channels = step.Channels.Where(accepted.Contains).Distinct().ToList();
        return channels.Count > 0 ? channels : [Channel.Email];
    }

    /// <summary>Every problem with a list of steps, as sentences; empty when the ladder is usable.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<LadderStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var errors = new List<string>();
        if (steps.Count == 0)
        {
            errors.Add("the ladder has no steps.");
            return errors;
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step is null)
            {
                errors.Add($"step {i} is empty.");
                continue;
            }

            if (step.Stage == DunningStage.None || !Enum.IsDefined(step.Stage))
            {
                errors.Add($"step {i} has no valid stage ({step.Stage}).");
            }

            if (step.Channels is not { Count: > 0 })
            {
                errors.Add($"step {i} ({step.Stage}) has no channels.");
            }

            if (step.Stage == DunningStage.PreDueReminder && step.OffsetDays >= 0)
            {
                errors.Add($"step {i} (PreDueReminder) must come before the due date, not at {step.OffsetDays:+0;-0;0} days.");
            }

            if (step.Stage > DunningStage.PreDueReminder && step.OffsetDays < 0)
            {
                errors.Add($"step {i} ({step.Stage}) must come on or after the due date, not at {step.OffsetDays} days.");
            }

            if (i > 0 && steps[i - 1] is { } previous)
            {
                if (step.Stage <= previous.Stage)
                {
                    errors.Add($"step {i} ({step.Stage}) must be a later stage than step {i - 1} ({previous.Stage}).");
                }

                if (step.OffsetDays <= previous.OffsetDays)
                {
                    errors.Add($"step {i} ({step.Stage}) at {step.OffsetDays} days must come after step {i - 1} ({previous.Stage}) at {previous.OffsetDays} days.");
                }
            }
        }

        if (steps[^1] is { Stage: not DunningStage.Collection } last)
        {
            errors.Add($"the last step must be Collection, not {last.Stage}.");
        }

        if (!steps.Any(s => s is { Stage: > DunningStage.PreDueReminder and < DunningStage.Collection }))
        {
            errors.Add("the ladder needs at least one reminder before Collection.");
        }

        return errors;
    }
}
