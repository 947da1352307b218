namespace O2C.Api.Payments;

/// <summary>What a manual allocation checks of an invoice: whose it is, its currency, what it still owes.</summary>
public sealed record OpenInvoiceFacts(string CustomerId, string Currency, decimal Outstanding);
