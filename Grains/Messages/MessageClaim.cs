namespace O2C.Grains.Messages;

/// <summary>
/// Statutory interest and compensation a message claims, summed over its invoices whose ladder
/// step reached the country's claim step. <see cref="TotalClaimable"/> is every listed invoice's
/// open amount plus the claimed interest and compensation.
/// </summary>
public sealed record MessageClaim(
    decimal Interest,
    decimal Compensation,
    string CompensationCurrency,
    decimal TotalClaimable,
    string LegalBasis,
    DateOnly AsOf);
