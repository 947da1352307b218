namespace O2C.Api.BankStatements;

/// <summary>An invoice just issued, as the re-matcher hears of it.</summary>
public sealed record IssuedInvoice(string CustomerId, string InvoiceId, string PaymentReference);
