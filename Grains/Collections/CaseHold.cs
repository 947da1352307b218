namespace O2C.Grains.Collections;

/// <summary>
/// The one hold a dunning case may be in: a dispute, a promise to pay or a payment plan, or none.
/// Immutable: <see cref="Start"/> and <see cref="End"/> return the transition and the next hold.
/// Starting a hold while another runs is refused unless the request explicitly replaces it, so a
/// collector never silently overwrites a colleague's dispute with a promise.
/// </summary>
public sealed record CaseHold
{
    private CaseHold(HoldKind? kind, DateOnly? since, string reason)
    {
        Kind = kind;
        Since = since;
        Reason = reason;
    }

    public static CaseHold None { get; } = new(null, null, "");

    public HoldKind? Kind { get; }

    public DateOnly? Since { get; }

    public string Reason { get; }

    public bool IsHeld => Kind is not null;

    /// <summary>Whether <paramref name="ending"/> can end a hold of <paramref name="kind"/>.</summary>
    public static bool Fits(HoldKind kind, HoldEnding ending) => (kind, ending) switch
    {
        (HoldKind.Dispute, HoldEnding.Resolved or HoldEnding.Withdrawn) => true,
        (HoldKind.Promise, HoldEnding.Kept or HoldEnding.Broken or HoldEnding.Withdrawn) => true,
        (HoldKind.Plan, HoldEnding.Completed or HoldEnding.Broken or HoldEnding.Withdrawn) => true,
        _ => false,
    };

    public HoldTransition Start(HoldKind kind, DateOnly today, string reason, bool replaces = false)
    {
        var started = new CaseHold(kind, today, reason);
        if (Kind is not { } running)
        {
            return new(true, null, started, null, null, $"{Name(kind)} started on {today:yyyy-MM-dd}: {reason}");
        }

        if (!replaces)
        {
            return Refuse(
                HoldRefusal.AnotherHoldRuns,
                $"the case is on hold for a {Name(running).ToLowerInvariant()} since {Since:yyyy-MM-dd} ({Reason}); " +
                $"starting a {Name(kind).ToLowerInvariant()} must say it replaces it.");
        }

        return new(true, null, started, running, HoldEnding.Replaced,
            $"{Name(kind)} replaces the {Name(running).ToLowerInvariant()} of {Since:yyyy-MM-dd} on {today:yyyy-MM-dd}: {reason}");
    }

    public HoldTransition End(HoldKind kind, HoldEnding ending, DateOnly today, string reason)
    {
        if (Kind != kind)
        {
            var state = Kind is { } other ? $"the case holds a {Name(other).ToLowerInvariant()}" : "the case is not on hold";
            return Refuse(HoldRefusal.NotRunning, $"no {Name(kind).ToLowerInvariant()} runs to end ({state}).");
        }

        if (!Fits(kind, ending))
        {
            return Refuse(HoldRefusal.EndingDoesNotFit, $"a {Name(kind).ToLowerInvariant()} cannot end as {ending}.");
        }

        return new(true, null, None, kind, ending,
            $"{Name(kind)} of {Since:yyyy-MM-dd} {ending.ToString().ToLowerInvariant()} on {today:yyyy-MM-dd}: {reason}");
    }

    private HoldTransition Refuse(HoldRefusal refusal, string message) => new(false, refusal, this, null, null, message);

    private static string Name(HoldKind kind) => kind switch
    {
        HoldKind.Dispute => "Dispute",
        HoldKind.Promise => "Promise to pay",
        HoldKind.Plan => "Payment plan",
        _ => kind.ToString(),
    };
}
