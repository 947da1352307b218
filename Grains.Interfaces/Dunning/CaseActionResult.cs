namespace O2C.Grains.Interfaces.Dunning;

/// <summary>The outcome of a collector's action. <see cref="Error"/> says why it was refused.</summary>
public sealed record CaseActionResult(bool Accepted, string? Error = null)
{
    public static CaseActionResult Ok { get; } = new(true);

    public static CaseActionResult Refused(string error) => new(false, error);
}
