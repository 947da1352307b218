namespace O2C.Grains.Interfaces.Preview;

/// <summary>What a case would send up to a time, and what it would tell its customer on the way.</summary>
[GenerateSerializer, Immutable, Alias("o2c.case-preview")]
public sealed record CasePreview(
    [Id(0)] string CustomerId,
    [Id(1)] IReadOnlyList<MessagePreview> Messages,
    [Id(2)] IReadOnlyList<CustomerEvent> CustomerEvents);
