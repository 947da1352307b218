namespace O2C.CashApplication.Matching;

/// <summary>Part of a payment applied to one invoice. <see cref="SettlesInvoice"/>: the invoice's open amount is paid in full.</summary>
public sealed record InvoiceAllocation(string InvoiceId, string InvoiceNumber, string DebtorId, decimal Amount, bool SettlesInvoice);
