namespace O2C.CashApplication.Camt;

/// <summary>
/// The header of one <c>Stmt</c>, emitted before its first entry so an importer can check the statement's idempotency key
/// before it looks at a single entry. <see cref="Balances"/> holds what came before the entries (where the schema puts them);
/// <see cref="StatementClosed"/> repeats them with any a bank wrote later. Every header field but the key may be missing:
/// banks leave out balances (camt.053 requires them; real exports do not always have them).
/// </summary>
public sealed record BankStatement(
    StatementKey Key,
    int Version,
    string? MessageId,
    string? Iban,
    string? AccountCurrency,
    string? AccountOwner,
    DateTimeOffset? CreatedAt,
    IReadOnlyList<StatementBalance> Balances,
    IReadOnlyList<string> Warnings) : CamtRecord(Key);
