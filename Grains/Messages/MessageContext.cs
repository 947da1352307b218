using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Messages;

/// <summary>
/// Turns a model into the values templates see. Amounts and dates arrive already formatted for
/// the template's language, so template authors write {{totalOutstanding}} and never a format
/// string. Keys are camelCase; inside {{#each invoices}} each line has invoiceId, outstanding,
/// currency, dueDate, level and paymentReference.
/// </summary>
internal static class MessageContext
{
    public static Dictionary<string, object> From(MessageModel model, string language) => new()
    {
        ["customerName"] = model.CustomerName,
        ["language"] = language,
        ["stage"] = DunningStageNames.In(language, model.Stage),
        ["profile"] = model.Profile.ToString().ToLowerInvariant(),
        ["channel"] = model.Channel.ToString().ToLowerInvariant(),
        ["currency"] = model.Currency,
        ["totalOutstanding"] = LanguageFormats.Amount(model.TotalOutstanding, language),
        ["paymentLink"] = model.PaymentLink,
        ["invoiceCount"] = model.Invoices.Count,
        ["invoices"] = model.Invoices.Select(i => new Dictionary<string, object>
        {
            ["invoiceId"] = i.InvoiceId,
            ["outstanding"] = LanguageFormats.Amount(i.Outstanding, language),
            ["currency"] = i.Currency,
            ["dueDate"] = LanguageFormats.Date(i.DueDate, language),
            ["level"] = i.Level,
            ["paymentReference"] = i.PaymentReference,
        }).ToList(),
    };

    /// <summary>A realistic model with two invoices, for checking that every template renders.</summary>
    public static MessageModel Sample(DunningStage stage, RiskProfile profile, Channel channel, string language) => new(
        "Sample Customer B.V.",
        language,
        stage,
        profile,
        channel,
        "EUR",
        1834.50m,
        "https://pay.example.com/c/SAMPLE",
        [
            new MessageInvoiceLine("INV-2026-0001", 1234.50m, "EUR", new DateOnly(2026, 10, 1), DunningStageNames.In(language, stage), "RF12INV20260001"),
            new MessageInvoiceLine("INV-2026-0002", 600m, "EUR", new DateOnly(2026, 11, 21), DunningStageNames.In(language, DunningStage.Reminder), "RF76INV20260002"),
        ]);
}
