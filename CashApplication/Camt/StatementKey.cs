namespace O2C.CashApplication.Camt;

/// <summary>
/// What makes a statement the same statement when it is imported again: its <c>Stmt/Id</c>, the account it reports on and
/// its sequence number (<c>ElctrncSeqNb</c>, else <c>LglSeqNb</c>). Banks reuse neither for another statement of an account.
/// </summary>
public sealed record StatementKey(string StatementId, string Account, string? Sequence)
{
    /// <summary>The key as one string, for a unique index: <c>account|id|sequence</c>.</summary>
    public string Value => $"{Account}|{StatementId}|{Sequence}";

    public override string ToString() => Value;
}
