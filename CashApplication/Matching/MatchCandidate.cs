namespace O2C.CashApplication.Matching;

/// <summary>An invoice a queued payment might pay, with why it was considered and how much the best guess would have put on it.</summary>
public sealed record MatchCandidate(
    string InvoiceId,
    string InvoiceNumber,
    string DebtorId,
    decimal OpenAmount,
    DateOnly DueDate,
    decimal ProposedAmount,
    string Reason);
