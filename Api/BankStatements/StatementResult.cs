namespace O2C.Api.BankStatements;

/// <summary>
/// One statement of an import. <see cref="Entries"/>, <see cref="Credits"/>, <see cref="Debits"/> and
/// <see cref="Unreadable"/> count the document's entries; <see cref="Matched"/>, <see cref="PartlyMatched"/>,
/// <see cref="Unmatched"/> and <see cref="Ignored"/> count payments (a split batch entry is one per transfer).
/// <see cref="Duplicate"/>: this statement was imported before; its entries carry their stored results.
/// </summary>
public sealed record StatementResult(
    string StatementKey,
    string StatementId,
    string Account,
    string? Sequence,
    int Version,
    bool Duplicate,
    int Entries,
    int Credits,
    int Debits,
    int Unreadable,
    int Matched,
    int PartlyMatched,
    int Unmatched,
    int Ignored,
    int DuplicateEntries);
