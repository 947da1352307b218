using O2C.CashApplication.Matching;

namespace O2C.Api.BankStatements;

/// <summary>A payment the matcher queued, as the bank sent it, and the matcher's guess at whose it is: kept to match it again.</summary>
public sealed record QueuedStatementPayment(BankPayment Payment, string? DebtorHint);
