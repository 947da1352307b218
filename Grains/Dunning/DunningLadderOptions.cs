using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Dunning;

/// <summary>
/// The ladder per risk profile, bound from configuration (section "Dunning:Ladders", e.g.
/// Dunning:Ladders:High:0:Stage = Reminder). A profile left out of configuration keeps its
/// default ladder. The configured lists start empty rather than holding the defaults because the
/// configuration binder appends to existing lists, which would mix configured and default steps.
/// </summary>
public sealed class DunningLadderOptions
{
    public const string SectionName = "Dunning:Ladders";

    public List<LadderStep> Low { get; set; } = [];

    public List<LadderStep> Medium { get; set; } = [];

    public List<LadderStep> High { get; set; } = [];

    public IReadOnlyList<LadderStep> StepsFor(RiskProfile profile)
    {
        var configured = profile switch
        {
            RiskProfile.Low => Low,
            RiskProfile.Medium => Medium,
            RiskProfile.High => High,
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
        };
        return configured is { Count: > 0 } ? configured : DefaultSteps(profile);
    }

    public DunningLadder LadderFor(RiskProfile profile) => new(profile, StepsFor(profile));

    /// <summary>Every configuration error of every profile, each naming its profile.</summary>
    public IReadOnlyList<string> Validate() =>
        Enum.GetValues<RiskProfile>()
            .SelectMany(p => DunningLadder.Validate(StepsFor(p)).Select(e => $"{SectionName}:{p}: {e}"))
            .ToList();

    /// <summary>
    /// A first-time late payer gets few, late, gentle messages; a habitual one an earlier,
    /// tighter sequence over more channels.
    /// </summary>
    public static IReadOnlyList<LadderStep> DefaultSteps(RiskProfile profile) => profile switch
    {
        RiskProfile.Low =>
        [
            new(DunningStage.Reminder, 7, Channel.Email),
            new(DunningStage.SecondReminder, 21, Channel.Email),
            new(DunningStage.FinalNotice, 35, Channel.Email),
            new(DunningStage.Collection, 50, Channel.Email),
        ],
        RiskProfile.Medium =>
        [
            new(DunningStage.PreDueReminder, -3, Channel.Email),
            new(DunningStage.Reminder, 3, Channel.Email),
            new(DunningStage.SecondReminder, 14, Channel.Email),
            new(DunningStage.FinalNotice, 28, Channel.Email),
            new(DunningStage.Collection, 42, Channel.Email, Channel.Letter),
        ],
        RiskProfile.High =>
        [
            new(DunningStage.PreDueReminder, -5, Channel.Email),
            new(DunningStage.Reminder, 1, Channel.Email, Channel.Sms),
            new(DunningStage.SecondReminder, 7, Channel.Email, Channel.Sms),
            new(DunningStage.FinalNotice, 14, Channel.Email, Channel.Letter),
            new(DunningStage.Collection, 21, Channel.Email, Channel.Letter),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
    };
}
