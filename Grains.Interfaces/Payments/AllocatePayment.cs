namespace O2C.Grains.Interfaces.Payments;

/// <summary>
/// A collector's allocation of a payment's unapplied money (an unmatched payment, or an overpayment's surplus) to invoices.
/// <see cref="PayerName"/> and <see cref="PayerIban"/> are the payment's, remembered as a payer of the invoices' customer.
/// </summary>
[GenerateSerializer, Immutable, Alias("o2c.allocate-payment")]
public sealed record AllocatePayment(
    [Id(0)] IReadOnlyList<StatementAllocation> Allocations,
    [Id(1)] DateTimeOffset ReceivedAt,
    [Id(2)] string? PayerName,
    [Id(3)] string? PayerIban)
{
    /// <summary>How a payment allocated by hand says it matched (<see cref="PaymentResult.MatchedBy"/>).</summary>
    public const string Rule = "Manual";
}
