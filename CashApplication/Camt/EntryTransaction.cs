using O2C.CashApplication.References;

namespace O2C.CashApplication.Camt;

/// <summary>
/// One <c>TxDtls</c> of an entry: a single transfer inside it. A batch entry (a collective booking) carries several, each
/// with its own amount and payer. <see cref="Amount"/> is missing where the bank gives only the entry's total.
/// </summary>
public sealed record EntryTransaction(
    decimal? Amount,
    string? Currency,
    string? EndToEndId,
    string? Uetr,
    string? AccountServicerReference,
    string? DebtorName,
    string? DebtorIban,
    string? UltimateDebtorName,
    string? CreditorName,
    IReadOnlyList<CreditorReference> CreditorReferences,
    IReadOnlyList<string> ReferredDocuments,
    IReadOnlyList<string> Unstructured,
    string? AdditionalInfo)
{
    /// <summary>The unstructured remittance lines (<c>Ustrd</c>) as one text, the way the payer typed them.</summary>
    public string RemittanceText => string.Join(' ', Unstructured);
}
