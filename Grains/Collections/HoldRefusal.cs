namespace O2C.Grains.Collections;

/// <summary>Why a hold transition was refused, and the HTTP status the API answers with.</summary>
public enum HoldRefusal
{
    /// <summary>Another hold runs and the request did not say it replaces it: 409 Conflict.</summary>
    AnotherHoldRuns,

    /// <summary>The hold to end is not the one running (or none runs): 409 Conflict.</summary>
    NotRunning,

    /// <summary>The ending does not fit the hold, e.g. a dispute "kept": 400 Bad Request.</summary>
    EndingDoesNotFit,
}
