namespace O2C.Grains.Interfaces.Invoices;

/// <summary>
/// Writing off what is still open on an invoice. <see cref="Amount"/> null means the whole rest;
/// when given it must equal the rest, so a write-off never leaves a stray remainder to chase.
/// </summary>
[GenerateSerializer, Immutable, Alias("o2c.write-off")]
public sealed record WriteOff([Id(0)] decimal? Amount, [Id(1)] string Reason);
