namespace O2C.Grains.Interfaces.Dunning;

/// <summary>
/// An invoice as it joins or changes within a dunning case. <see cref="WrittenOff"/>: the rest was
/// written off, so the invoice leaves the case (its outstanding fell without a payment).
/// </summary>
[GenerateSerializer, Immutable, Alias("o2c.case-invoice-update")]
public sealed record CaseInvoiceUpdate(
    [Id(0)] string InvoiceId,
    [Id(1)] DateOnly DueDate,
    [Id(2)] string Currency,
    [Id(3)] decimal Outstanding,
    [Id(4)] string PaymentReference,
    [Id(5)] bool Disputed,
    [Id(6)] bool WrittenOff = false);
