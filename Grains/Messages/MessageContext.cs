using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;
using Scriban.Runtime;

namespace O2C.Grains.Messages;

/// <summary>
/// Turns a model into the variables templates see, in Scriban's snake_case. Amounts, money and
/// dates arrive already formatted for the template's language, so template authors write
/// <c>{{ total_outstanding }}</c> and never a format string. The full list is in
/// <c>Templates/README.md</c>; a name not on it fails the start.
/// </summary>
internal static class MessageContext
{
    public static ScriptObject From(MessageModel model, string language)
    {
        var globals = new ScriptObject
        {
            ["customer_name"] = model.CustomerName,
            ["language"] = language,
            ["stage"] = DunningStageNames.In(language, model.Stage),
            ["profile"] = model.Profile.ToString().ToLowerInvariant(),
            ["channel"] = model.Channel.ToString().ToLowerInvariant(),
            ["currency"] = model.Currency,
            ["total_outstanding"] = LanguageFormats.Money(model.TotalOutstanding, model.Currency, language),
            ["total_amount"] = LanguageFormats.Amount(model.TotalOutstanding, language),
            ["payment_link"] = model.PaymentLink,
            ["invoice_count"] = model.Invoices.Count,
            // Always present, empty before the claim step, so a template may name them inside `if interest_claimed`.
            ["interest_claimed"] = model.Claim is not null,
            ["total_interest"] = model.Claim is { } claim ? LanguageFormats.Money(claim.Interest, model.Currency, language) : "",
            ["total_compensation"] = model.Claim is { } c1 ? LanguageFormats.Money(c1.Compensation, c1.CompensationCurrency, language) : "",
            ["total_claimable"] = model.Claim is { } c2 ? LanguageFormats.Money(c2.TotalClaimable, model.Currency, language) : "",
            ["legal_basis"] = model.Claim?.LegalBasis ?? "",
            ["interest_as_of"] = model.Claim is { } c3 ? LanguageFormats.Date(c3.AsOf, language) : "",
        };
        var invoices = new ScriptArray();
        foreach (var line in model.Invoices)
        {
            invoices.Add(new ScriptObject
            {
                ["invoice_id"] = line.InvoiceId,
                ["outstanding"] = LanguageFormats.Money(line.Outstanding, line.Currency, language),
                ["amount"] = LanguageFormats.Amount(line.Outstanding, language),
                ["currency"] = line.Currency,
                ["due_date"] = LanguageFormats.Date(line.DueDate, language),
                ["level"] = line.Level,
                ["payment_reference"] = line.PaymentReference,
                ["payment_link"] = line.PaymentLink,
                ["interest"] = line.Interest is { } interest ? LanguageFormats.Money(interest, line.Currency, language) : "",
                ["compensation"] = line.Compensation is { } compensation ? LanguageFormats.Money(compensation, line.Currency, language) : "",
            });
        }

        globals["invoices"] = invoices;
        return globals;
    }

    /// <summary>
    /// The models every template is rendered against at start. Scriban checks only the branches a
    /// render takes, so the samples take both sides of what templates branch on: a link or none,
    /// one invoice or several, interest claimed or not.
    /// </summary>
    public static IEnumerable<MessageModel> Samples(DunningStage stage, RiskProfile profile, Channel channel, string language)
    {
        var lines = new[]
        {
            new MessageInvoiceLine("INV-2026-0001", 1234.50m, "EUR", new DateOnly(2026, 10, 1), DunningStageNames.In(language, stage), "RF12INV20260001", "https://pay.example.com/RF12INV20260001"),
            new MessageInvoiceLine("INV-2026-0002", 600m, "EUR", new DateOnly(2026, 11, 21), DunningStageNames.In(language, DunningStage.Reminder), "RF76INV20260002", "https://pay.example.com/RF76INV20260002"),
        };
        yield return new MessageModel("Sample Customer B.V.", language, stage, profile, channel, "EUR", 1834.50m, "https://pay.example.com/RF12INV20260001", lines);
        yield return new MessageModel("Sample Customer B.V.", language, stage, profile, channel, "EUR", 1234.50m, null, [lines[0] with { PaymentLink = null }]);
        yield return new MessageModel(
            "Sample Customer B.V.", language, stage, profile, channel, "EUR", 1834.50m, null,
            [lines[0] with { Interest = 23.61m, Compensation = 40m }, lines[1]],
            new MessageClaim(23.61m, 40m, "EUR", 1898.11m, "art. 6:119a BW", new DateOnly(2026, 12, 1)));
    }
}
