using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;
using O2C.Grains.Messages;
using O2C.Grains.Payments;

namespace O2C.Grains.Tests.Messages;

/// <summary>Realistic models for template tests: a Belgian bakery with two open invoices and a configured payment page.</summary>
internal static class MessageSamples
{
    public const string LinkTemplate = "https://pay.example.com/{reference}?amount={amount}&currency={currency}";

    public static readonly string[] Languages = ["nl", "en", "de", "fr"];

    public static readonly PaymentLinkTemplate Links = Parse(LinkTemplate);

    public static TheoryData<DunningStage, RiskProfile, Channel, string> AllCombinations()
    {
        var data = new TheoryData<DunningStage, RiskProfile, Channel, string>();
        foreach (var stage in MessageTemplateCatalog.Stages)
        {
            foreach (var profile in Enum.GetValues<RiskProfile>())
            {
                foreach (var channel in Enum.GetValues<Channel>())
                {
                    foreach (var language in Languages)
                    {
                        data.Add(stage, profile, channel, language);
                    }
                }
            }
        }

        return data;
    }

    public static MessageModel Model(DunningStage stage, RiskProfile profile, Channel channel, string language, PaymentLinkTemplate? links = null)
    {
        links ??= Links;
        MessageInvoiceLine Line(string id, decimal outstanding, DateOnly due, DunningStage level, string reference) =>
            new(id, outstanding, "EUR", due, DunningStageNames.In(language, level), reference, links.For(reference, outstanding, "EUR", id, "bakery"));
        return new MessageModel(
            "Bakkerij De Vries",
            language,
            stage,
            profile,
            channel,
            "EUR",
            1834.50m,
            links.For("RF71INV20260001", 1834.50m, "EUR", "INV-2026-0001", "bakery"),
            [
                Line("INV-2026-0001", 1234.50m, new DateOnly(2026, 11, 21), stage, "RF71INV20260001"),
                Line("INV-2026-0002", 600m, new DateOnly(2026, 12, 5), DunningStage.Reminder, "RF44INV20260002"),
            ]);
    }

    public static PaymentLinkTemplate Parse(string text) =>
        PaymentLinkTemplate.TryParse(text, out var template, out var error) ? template : throw new InvalidOperationException(error);
}
