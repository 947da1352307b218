using O2C.Grains.Collections;

namespace O2C.Grains.Dunning;

/// <summary>
/// A case handed over to the collection agency at the end of its ladder: when, and what was paid
/// with which invoices and figures, and what was paid after (the agency must know). <see cref="AcknowledgedAt"/> is set once the agency confirms.
/// </summary>
public sealed record CaseHandover(
    string HandoverId,
    DateTimeOffset HandedOverAt,
    DateTimeOffset? AcknowledgedAt,
    IReadOnlyList<HandoverInvoice> Invoices,
    IReadOnlyList<PaymentReceived> PaymentsAfter);
