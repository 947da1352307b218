using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Dunning;

public sealed record CaseInvoiceState(
    string InvoiceId,
    DateOnly DueDate,
    string Currency,
    decimal Outstanding,
    string PaymentReference,
    bool Disputed,
    DunningStage Level,
    DateOnly? LevelReachedOn);
