namespace O2C.CashApplication.Camt;

/// <summary>
/// An <c>Ntry</c> that could not be read, with the reason, so the import reports it instead of failing the file.
/// <see cref="EntryKey"/> lets a repeated import recognise it too (<c>AcctSvcrRef</c>, else a hash of its XML).
/// </summary>
public sealed record UnreadableEntry(
    StatementKey Statement,
    int Index,
    int LineNumber,
    string EntryKey,
    string? AccountServicerReference,
    string Reason) : CamtRecord(Statement);
