namespace O2C.Grains.Dunning;

public static class CaseReminders
{
    /// <summary>The one reminder of a case: its next ladder step, or a wake-up when an invoice joins.</summary>
    public const string NextStep = "next-step";
}
