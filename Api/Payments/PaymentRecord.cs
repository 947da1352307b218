using O2C.Grains.Interfaces.Payments;

namespace O2C.Api.Payments;

/// <summary>
/// A payment as its <c>payments</c> row has it, with what a collector's action needs: <see cref="PaymentKey"/> is the
/// statement entry's payment key for a statement payment (null for a JSON one).
/// </summary>
public sealed record PaymentRecord(
    string PaymentId,
    string Source,
    decimal Amount,
    string Currency,
    DateTimeOffset ReceivedAt,
    PaymentStatus Status,
    decimal Unallocated,
    string? PayerName,
    string? PayerIban,
    int? Confidence,
    IReadOnlyList<PaymentCandidate> Candidates,
    string? Explanation,
    string? PaymentKey)
{
    public const string FromStatement = "statement";

    public bool IsFromStatement => Source == FromStatement;
}
