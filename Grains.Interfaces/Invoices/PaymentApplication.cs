namespace O2C.Grains.Interfaces.Invoices;

/// <summary>How much of a payment an invoice took; <see cref="Applied"/> may be less than offered when it is (nearly) paid.</summary>
public sealed record PaymentApplication(string InvoiceId, decimal Applied, decimal Outstanding, InvoiceStatus Status);
