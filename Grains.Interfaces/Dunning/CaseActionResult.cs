namespace O2C.Grains.Interfaces.Dunning;

/// <summary>
/// The outcome of a collector's action. <see cref="Error"/> says why it was refused (a conflict with
/// the case's state); <see cref="FieldErrors"/>, when present, names the request's fields that are
/// invalid (a bad request), e.g. <c>instalments[2].date</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("o2c.case-action-result")]
public sealed record CaseActionResult([Id(0)] bool Accepted, [Id(1)] string? Error = null, [Id(2)] IReadOnlyList<CaseFieldError>? FieldErrors = null)
{
    public static CaseActionResult Ok { get; } = new(true);

    public static CaseActionResult Refused(string error) => new(false, error);

    public static CaseActionResult Invalid(IReadOnlyList<CaseFieldError> errors) => new(false, string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), errors);
}
