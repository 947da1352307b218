namespace O2C.Bench.Faults;

/// <summary>How one HTTP write attempt ended, as a client sees it.</summary>
public enum WriteOutcome
{
    /// <summary>2xx: the write is acknowledged and must never be lost.</summary>
    Acknowledged,

    /// <summary>A 4xx the client cannot fix by retrying (the order or payment itself is wrong).</summary>
    Rejected,

    /// <summary>503 with Retry-After: the answer an outage should give.</summary>
    Unavailable,

    /// <summary>503 without Retry-After.</summary>
    UnavailableWithoutRetryAfter,

    /// <summary>500 or another 5xx: a bug during an outage.</summary>
    ServerError,

    /// <summary>No HTTP answer: connection refused or reset (a killed silo).</summary>
    NoAnswer,

    /// <summary>No answer within the client's timeout (a paused silo).</summary>
    TimedOut,
}
