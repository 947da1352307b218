namespace O2C.Grains.Interfaces.Dunning;

/// <summary>An invoice as it joins or changes within a dunning case.</summary>
public sealed record CaseInvoiceUpdate(
    string InvoiceId,
    DateOnly DueDate,
    string Currency,
    decimal Outstanding,
    string PaymentReference,
    bool Disputed);
