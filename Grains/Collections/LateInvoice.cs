namespace O2C.Grains.Collections;

/// <summary>
/// An invoice as the interest calculator sees it: what was open on its due date and what has been
/// paid against it since (payments dated on or before the due date simply lower the starting base).
/// </summary>
public sealed record LateInvoice(
    string Country,
    string Currency,
    decimal Principal,
    DateOnly DueDate,
    IReadOnlyList<PaymentReceived> Payments);
