namespace O2C.Runtime;

public enum SiloStatus
{
    Active,
    /// <summary>Shut down cleanly.</summary>
    Stopped,
    /// <summary>Stopped heartbeating without saying goodbye.</summary>
    Dead,
}
