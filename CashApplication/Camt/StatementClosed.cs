namespace O2C.CashApplication.Camt;

/// <summary>The end of a <c>Stmt</c>: how many entries were read and how many not, and every balance it carried.</summary>
public sealed record StatementClosed(
    StatementKey Key,
    int Entries,
    int Unreadable,
    int Credits,
    int Debits,
    IReadOnlyList<StatementBalance> Balances) : CamtRecord(Key);
