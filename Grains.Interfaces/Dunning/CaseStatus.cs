namespace O2C.Grains.Interfaces.Dunning;

public enum CaseStatus
{
    Open,
    /// <summary>A promise to pay holds the ladder until its date.</summary>
    Paused,
    InCollection,
    Closed,
}
