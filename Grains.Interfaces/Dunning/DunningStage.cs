namespace O2C.Grains.Interfaces.Dunning;

/// <summary>
/// A rung on the dunning ladder. The numeric order is the severity order:
/// code compares stages with &lt; and &gt;, so never renumber.
/// </summary>
[GenerateSerializer, Alias("o2c.dunning-stage")]
public enum DunningStage
{
    None = 0,
    PreDueReminder = 1,
    Reminder = 2,
    SecondReminder = 3,
    FinalNotice = 4,
    Collection = 5,
}
