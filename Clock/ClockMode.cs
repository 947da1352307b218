namespace O2C.Clock;

public enum ClockMode
{
    /// <summary>Business time is wall time.</summary>
    System,
    /// <summary>Business time moves only when advanced (tests, acceptance).</summary>
    Manual,
    /// <summary>Business time runs <see cref="ClockOptions.Speed"/> times faster than wall time (the demo).</summary>
    Accelerated,
}
