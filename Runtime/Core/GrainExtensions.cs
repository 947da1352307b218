namespace O2C.Runtime;

public static class GrainExtensions
{
    /// <summary>The key of this grain, as Orleans' <c>this.GetPrimaryKeyString()</c>.</summary>
    public static string GetPrimaryKeyString(this Grain grain) => grain.GrainId.Key;

    /// <summary>The id behind a grain reference, as Orleans' <c>grain.GetGrainId()</c>.</summary>
    public static GrainId GetGrainId(this IGrain grain) =>
        grain is Activation.GrainReference reference
            ? reference.GrainId
            : throw new ArgumentException("Not a grain reference from IGrainFactory.GetGrain.", nameof(grain));
}
