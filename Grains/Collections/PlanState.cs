namespace O2C.Grains.Collections;

/// <summary>Where a payment plan stands on a given day.</summary>
public enum PlanState
{
    /// <summary>Every instalment due so far is paid.</summary>
    OnTrack,

    /// <summary>An instalment's date has passed unpaid, but its grace days have not.</summary>
    InGrace,

    /// <summary>Every instalment is paid: the case can close.</summary>
    Completed,

    /// <summary>An instalment was still short when its grace ended: the ladder resumes.</summary>
    Broken,
}
