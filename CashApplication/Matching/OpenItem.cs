namespace O2C.CashApplication.Matching;

/// <summary>
/// An open invoice as the matcher sees it: a row of the debtor's open-item list. <see cref="CreditorReference"/> is the
/// structured reference printed on the invoice (ours are ISO 11649, made by <c>PaymentReference.Create</c>); the
/// <see cref="InvoiceNumber"/> is what a payer types into the remittance text (today the same as the id).
/// </summary>
public sealed record OpenItem(
    string InvoiceId,
    string InvoiceNumber,
    string DebtorId,
    string? CreditorReference,
    string Currency,
    decimal OpenAmount,
    DateOnly DueDate);
