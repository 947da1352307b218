namespace O2C.Grains.Interfaces.Dunning;

/// <summary>
/// Statutory late-payment interest and compensation on one invoice of a case, to
/// <see cref="AsOf"/> (business today). <see cref="Claimed"/>: the ladder reached
/// <see cref="ClaimedFromStage"/>, so <see cref="TotalClaimable"/> includes interest and compensation.
/// </summary>
[GenerateSerializer, Immutable, Alias("o2c.invoice-interest")]
public sealed record InvoiceInterest(
    [Id(0)] string InvoiceId,
    [Id(1)] string Country,
    [Id(2)] string LegalBasis,
    [Id(3)] DateOnly AsOf,
    [Id(4)] decimal OpenPrincipal,
    [Id(5)] decimal Interest,
    [Id(6)] decimal Compensation,
    [Id(7)] string CompensationCurrency,
    [Id(8)] bool Claimed,
    [Id(9)] DunningStage ClaimedFromStage,
    [Id(10)] decimal TotalClaimable);
