namespace O2C.CashApplication.Camt;

/// <summary>
/// One <c>Ntry</c> that could be read. <see cref="EntryKey"/> is its idempotency key: the account plus the bank's
/// <c>AcctSvcrRef</c>, else the account plus a hash of its content (see <see cref="EntryKeyKind"/>).
/// <see cref="Warnings"/> says what was read leniently (a UETR that is no UUID, a date that could not be read, a currency
/// taken from the account).
/// </summary>
public sealed record StatementEntry(
    StatementKey Statement,
    int Index,
    string EntryKey,
    EntryKeyKind EntryKeyKind,
    decimal Amount,
    string Currency,
    CreditDebit Direction,
    bool IsReversal,
    string? Status,
    DateOnly? BookingDate,
    DateOnly? ValueDate,
    string? AccountServicerReference,
    string? EntryReference,
    string? BankTransactionCode,
    string? AdditionalInfo,
    int? BatchTransactionCount,
    IReadOnlyList<EntryTransaction> Transactions,
    IReadOnlyList<string> Warnings) : CamtRecord(Statement)
{
    /// <summary>Money received: a credit that is not the reversal of one. Only these are matched to invoices.</summary>
    public bool IsIncomingPayment => Direction == CreditDebit.Credit && !IsReversal;
}
