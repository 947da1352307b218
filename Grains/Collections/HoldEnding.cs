namespace O2C.Grains.Collections;

/// <summary>How a hold ended. Which endings fit which hold: see <see cref="CaseHold.Fits"/>.</summary>
public enum HoldEnding
{
    /// <summary>A dispute was settled, whichever way: the chase goes on for what is still open.</summary>
    Resolved,

    /// <summary>The debtor or the collector withdrew the hold.</summary>
    Withdrawn,

    /// <summary>A promise to pay was kept.</summary>
    Kept,

    /// <summary>A payment plan was paid in full.</summary>
    Completed,

    /// <summary>A promise or plan was not kept: counts against the customer's risk profile.</summary>
    Broken,

    /// <summary>Another hold took its place at the collector's explicit request.</summary>
    Replaced,
}
