namespace O2C.Grains.Collections;

/// <summary>What pauses a dunning case; a case holds at most one at a time.</summary>
public enum HoldKind
{
    Dispute,
    Promise,
    Plan,
}
