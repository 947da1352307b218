namespace O2C.Grains.Interfaces.Dunning;

/// <summary>The outcome of a collector's action. <see cref="Error"/> says why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("o2c.case-action-result")]
public sealed record CaseActionResult([Id(0)] bool Accepted, [Id(1)] string? Error = null)
{
    public static CaseActionResult Ok { get; } = new(true);

    public static CaseActionResult Refused(string error) => new(false, error);
}
