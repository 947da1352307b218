namespace O2C.CashApplication.Matching;

/// <summary>
/// An account and name that paid for a debtor before (learnt from earlier payments and manual allocations). Either may be
/// missing; an IBAN is far better evidence than a name, which two debtors can share.
/// </summary>
public sealed record KnownPayer(string DebtorId, string? Iban, string? Name);
