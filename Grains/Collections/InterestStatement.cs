namespace O2C.Grains.Collections;

/// <summary>
/// What a late invoice owes on <see cref="AsOf"/>: the open principal, statutory interest to date
/// (rounded to the cent once, <see cref="MidpointRounding.AwayFromZero"/>) and the fixed compensation.
/// <see cref="Claimed"/> says whether the ladder has reached the step that asks for them; until then
/// <see cref="TotalClaimable"/> is the principal alone. The compensation is added to the total only
/// when the invoice is in the compensation's currency; otherwise it is shown beside it.
/// </summary>
public sealed record InterestStatement(
    string Country,
    string LegalBasis,
    DateOnly DueDate,
    DateOnly AsOf,
    decimal OpenPrincipal,
    decimal Interest,
    decimal Compensation,
    string CompensationCurrency,
    bool Claimed,
    decimal TotalClaimable,
    IReadOnlyList<InterestLine> Lines);
