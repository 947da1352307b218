namespace O2C.CashApplication.Camt;

/// <summary>
/// One thing the reader found, in document order: a <see cref="BankStatement"/> header, then its entries
/// (<see cref="StatementEntry"/> or <see cref="UnreadableEntry"/>), then <see cref="StatementClosed"/>.
/// A flat sequence rather than nested collections, so a 20,000-entry statement is never held in memory.
/// </summary>
public abstract record CamtRecord(StatementKey Statement);
