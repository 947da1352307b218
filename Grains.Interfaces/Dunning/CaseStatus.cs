namespace O2C.Grains.Interfaces.Dunning;

[GenerateSerializer, Alias("o2c.case-status")]
public enum CaseStatus
{
    Open,
    /// <summary>A promise to pay holds the ladder until its date.</summary>
    Paused,
    InCollection,
    Closed,
}
