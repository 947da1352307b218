using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Interfaces.Preview;

/// <summary>An invoice that would fall due and join <see cref="CaseId"/> at <see cref="At"/> (business time).</summary>
[GenerateSerializer, Immutable, Alias("o2c.case-join")]
public sealed record CaseJoin([Id(0)] DateTimeOffset At, [Id(1)] string CaseId, [Id(2)] string CustomerId, [Id(3)] CaseInvoiceUpdate Invoice);
