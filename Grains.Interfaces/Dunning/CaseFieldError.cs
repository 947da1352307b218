namespace O2C.Grains.Interfaces.Dunning;

/// <summary>One invalid field of a collector's request, by its JSON path.</summary>
[GenerateSerializer, Immutable, Alias("o2c.case-field-error")]
public sealed record CaseFieldError([Id(0)] string Field, [Id(1)] string Message);
