namespace O2C.Grains.Interfaces.Payments;

/// <summary>
/// A credit from a bank statement (issue 16), already matched: the cash matcher or a collector decided the
/// <see cref="Allocations"/>, and <see cref="MatchedBy"/> says how (a <c>MatchRule</c> name, or <c>Manual</c>).
/// The payment id is derived from the statement entry's key, so the same entry in another import is the same payment.
/// <see cref="Candidates"/> and <see cref="Explanation"/> are what the queue shows while money is unapplied (null from
/// senders older than the queue: none, no explanation).
/// </summary>
[GenerateSerializer, Immutable, Alias("o2c.statement-payment")]
public sealed record StatementPayment(
    [Id(0)] string PaymentId,
    [Id(1)] string EntryKey,
    [Id(2)] decimal Amount,
    [Id(3)] string Currency,
    [Id(4)] DateTimeOffset ReceivedAt,
    [Id(5)] string? DebtorName,
    [Id(6)] string? DebtorIban,
    [Id(7)] string MatchedBy,
    [Id(8)] int Confidence,
    [Id(9)] IReadOnlyList<StatementAllocation> Allocations,
    [Id(10)] IReadOnlyList<PaymentCandidate>? Candidates = null,
    [Id(11)] string? Explanation = null);
