using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Messages;

/// <summary>
/// Everything a dunning message may say. <see cref="Stage"/>, <see cref="Profile"/>,
/// <see cref="Channel"/> and <see cref="Language"/> choose the template; the rest fills it.
/// </summary>
/// <param name="Language">An ISO 639-1 code such as "nl"; a region suffix ("nl-BE") is ignored.</param>
/// <param name="PaymentLink">The payment page for the whole message; null when no link is configured, and templates then leave the link out.</param>
/// <param name="Claim">Interest and compensation claimed from the country's claim step on; null before it.</param>
public sealed record MessageModel(
    string CustomerName,
    string Language,
    DunningStage Stage,
    RiskProfile Profile,
    Channel Channel,
    string Currency,
    decimal TotalOutstanding,
    string? PaymentLink,
    IReadOnlyList<MessageInvoiceLine> Invoices,
    MessageClaim? Claim = null);
