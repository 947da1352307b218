namespace O2C.Grains.Collections;

/// <summary>
/// The outcome of asking a <see cref="CaseHold"/> to change. <see cref="Hold"/> is the hold after the
/// request (unchanged when refused); <see cref="Ended"/> and <see cref="Ending"/> say which hold
/// stopped and how, for the timeline. <see cref="Message"/> is the timeline's sentence, or the refusal.
/// </summary>
public sealed record HoldTransition(
    bool Accepted,
    HoldRefusal? Refusal,
    CaseHold Hold,
    HoldKind? Ended,
    HoldEnding? Ending,
    string Message)
{
    /// <summary>A broken promise or plan counts against the risk profile.</summary>
    public bool CountsAgainstRisk => Ending == HoldEnding.Broken;

    /// <summary>No hold runs after the transition: the ladder goes on from the stage the case had reached.</summary>
    public bool ResumesLadder => Accepted && Ended is not null && !Hold.IsHeld;
}
