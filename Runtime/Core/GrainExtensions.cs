namespace O2C.Runtime;

public static class GrainExtensions
{
    /// <summary>The key of this grain, as Orleans' <c>this.GetPrimaryKeyString()</c>.</summary>
    public static string GetPrimaryKeyString(this Grain grain) => grain.GrainId.Key;
}
