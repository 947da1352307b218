namespace O2C.Grains.Messages;

/// <summary>One invoice as a message lists it.</summary>
/// <param name="Level">The invoice's dunning level already in the message's language; see <see cref="DunningStageNames"/>.</param>
/// <param name="PaymentLink">The payment page for this invoice alone (its reference and open amount); null when no link is configured.</param>
/// <param name="Interest">Claimed late-payment interest on this invoice; null when none is claimed.</param>
/// <param name="Compensation">Claimed fixed compensation on this invoice; null when none is claimed.</param>
public sealed record MessageInvoiceLine(
    string InvoiceId,
    decimal Outstanding,
    string Currency,
    DateOnly DueDate,
    string Level,
    string PaymentReference,
    string? PaymentLink,
    decimal? Interest = null,
    decimal? Compensation = null);
