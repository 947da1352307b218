namespace O2C.Api.BankStatements;

/// <summary>One row of an import's results on its way to <c>bank_entries</c>; <see cref="Queued"/> only for a queued payment.</summary>
internal sealed record IncomingEntry(EntryResult Result, QueuedStatementPayment? Queued);
