namespace O2C.Grains.Interfaces.Preview;

/// <summary>Preview a case up to <see cref="To"/>: its own reminder rows and the invoices that would join it on the way.</summary>
[GenerateSerializer, Immutable, Alias("o2c.case-preview-request")]
public sealed record CasePreviewRequest(
    [Id(0)] DateTimeOffset To,
    [Id(1)] IReadOnlyList<DueReminder> Reminders,
    [Id(2)] IReadOnlyList<CaseJoin> Joins);
