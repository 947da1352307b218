using O2C.Grains.Collections;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Dunning;

/// <param name="Principal">What was open when the invoice joined (the base interest starts from); null in states written before interest.</param>
/// <param name="Payments">Money received since it joined, by business date: lowers the interest base from that date.</param>
/// <param name="WrittenOff">The rest was written off: the invoice left the case and is no longer chased.</param>
public sealed record CaseInvoiceState(
    string InvoiceId,
    DateOnly DueDate,
    string Currency,
    decimal Outstanding,
    string PaymentReference,
    bool Disputed,
    DunningStage Level,
    DateOnly? LevelReachedOn,
    decimal? Principal = null,
    IReadOnlyList<PaymentReceived>? Payments = null,
    bool WrittenOff = false);
