using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;
using O2C.Grains.Messages;
using O2C.Grains.Payments;
using static O2C.Grains.Tests.Messages.MessageSamples;

namespace O2C.Grains.Tests.Messages;

public sealed class ShippedTemplateTests
{
    private const string Link = "https://pay.example.com/RF71INV20260001?amount=1834.50&currency=EUR";

    private static readonly MessageTemplateCatalog Shipped = MessageTemplateCatalog.Load();
    private static readonly MessageRenderer Renderer = new(Shipped);

    // What the sample's amounts and first due date look like per language (fr: narrow no-break space in thousands, no-break space before €).
    private static (string First, string Second, string Total, string FirstDue) Formatted(string language) => language switch
    {
        "nl" => ("€ 1.234,50", "€ 600,00", "€ 1.834,50", "21-11-2026"),
        "de" => ("1.234,50 €", "600,00 €", "1.834,50 €", "21.11.2026"),
        "fr" => ("1\u202F234,50\u00A0€", "600,00\u00A0€", "1\u202F834,50\u00A0€", "21/11/2026"),
        _ => ("€1,234.50", "€600.00", "€1,834.50", "21/11/2026"),
    };

    public static TheoryData<DunningStage, RiskProfile, Channel, string> AllCombinations() => MessageSamples.AllCombinations();

    [Fact]
    public void ShipsEveryStageProfileAndChannelInFourLanguages()
    {
        Assert.Equal(180, AllCombinations().Count);
        Assert.Equal(AllCombinations().Select(c => MessageTemplateCatalog.NameFor((DunningStage)c[0], (RiskProfile)c[1], (Channel)c[2], (string)c[3])).Order(),
            Shipped.Names.Order());
    }

    [Fact]
    public void ShippedTemplatesValidate()
    {
        Assert.Empty(Shipped.FindProblems());
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void EveryLetterAndEmailListsEveryInvoiceInItsLanguage(DunningStage stage, RiskProfile profile, Channel channel, string language)
    {
        if (channel == Channel.Sms)
        {
            return;
        }

        var model = Model(stage, profile, channel, language);
        var message = Renderer.Render(model);

        Assert.Equal(MessageTemplateCatalog.NameFor(stage, profile, channel, language), message.TemplateName);
        Assert.Equal(language, message.Language);
        Assert.Equal(0, message.SmsParts);
        var (first, second, total, firstDue) = Formatted(language);
        foreach (var expected in new[]
                 {
                     "Bakkerij De Vries", "INV-2026-0001", "INV-2026-0002", "RF71INV20260001", "RF44INV20260002",
                     first, second, total, firstDue, Link, model.Invoices[0].Level, model.Invoices[1].Level,
                 })
        {
            Assert.Contains(expected, message.Body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{{", message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", message.Body, StringComparison.Ordinal);
        if (language != "en")
        {
            var english = Renderer.Render(Model(stage, profile, channel, "en"));
            Assert.NotEqual(english.Subject, message.Subject);
            Assert.DoesNotContain("Invoice ", message.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("outstanding", message.Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void EverySmsFitsOneGsm7PartWithTotalCountAndLink(DunningStage stage, RiskProfile profile, Channel channel, string language)
    {
        if (channel != Channel.Sms)
        {
            return;
        }

        var message = Renderer.Render(Model(stage, profile, channel, language));

        var total = SmsSegments.ForSms(Formatted(language).Total);
        Assert.Contains(total, message.Body, StringComparison.Ordinal);
        Assert.Contains("(2 ", message.Body, StringComparison.Ordinal);
        Assert.EndsWith(" " + Link, message.Body, StringComparison.Ordinal);
        Assert.True(SmsSegments.IsGsm7(message.Body), $"{message.TemplateName} is not GSM-7: {message.Body}");
        Assert.True(message.SmsParts == 1, $"{message.TemplateName} needs {message.SmsParts} parts: {message.Body}");
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void WithoutAConfiguredLinkNoLinkLineIsLeft(DunningStage stage, RiskProfile profile, Channel channel, string language)
    {
        var message = Renderer.Render(Model(stage, profile, channel, language, PaymentLinkTemplate.None));

        Assert.DoesNotContain("http", message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", message.Body, StringComparison.Ordinal);
        var lines = message.Body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            // A label such as "Pay securely online:" must go with its link; the invoice list's label is followed by the list.
            Assert.False(lines[i].TrimEnd().EndsWith(':') && (i + 1 == lines.Length || lines[i + 1].Length == 0), $"{message.TemplateName} line {i + 1} dangles: {lines[i]}");
        }

        Assert.False(message.Body.EndsWith(' '), $"{message.TemplateName} ends with a space");
    }

    [Fact]
    public void ReminderEmailReadsExactlyAsWritten()
    {
        var message = Renderer.Render(Model(DunningStage.Reminder, RiskProfile.Medium, Channel.Email, "en"));

        Assert.Equal("Payment reminder", message.Subject);
        Assert.Equal(
            """
            Dear Bakkerij De Vries,

            According to our records, the following invoices are overdue.

            Open invoices:
            - Invoice INV-2026-0001: €1,234.50, due 21/11/2026, Payment reminder, payment reference RF71INV20260001
            - Invoice INV-2026-0002: €600.00, due 05/12/2026, Payment reminder, payment reference RF44INV20260002

            Total outstanding: €1,834.50

            Pay securely online:
            https://pay.example.com/RF71INV20260001?amount=1834.50&currency=EUR

            Please pay the outstanding amount within 7 days. If you have already paid, please disregard this reminder.

            Kind regards,
            Accounts Receivable
            """.ReplaceLineEndings("\n"),
            message.Body);
    }

    [Fact]
    public void FrenchIsFormalAndEscalates()
    {
        var reminder = Renderer.Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Email, "fr"));
        var final = Renderer.Render(Model(DunningStage.FinalNotice, RiskProfile.High, Channel.Letter, "fr"));
        var collection = Renderer.Render(Model(DunningStage.Collection, RiskProfile.Medium, Channel.Email, "fr"));

        Assert.Contains("Facture INV-2026-0001 : 1\u202F234,50\u00A0€, échéance 21/11/2026, Rappel de paiement", reminder.Body, StringComparison.Ordinal);
        Assert.Contains("vous", reminder.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(" tu ", reminder.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("recouvrement", reminder.Body, StringComparison.Ordinal);
        Assert.StartsWith("MISE EN DEMEURE", final.Subject, StringComparison.Ordinal);
        Assert.Contains("Madame, Monsieur,", final.Body, StringComparison.Ordinal);
        Assert.Contains("société de recouvrement", final.Body, StringComparison.Ordinal);
        Assert.Contains("Total restant dû : 1\u202F834,50\u00A0€", final.Body, StringComparison.Ordinal);
        Assert.Contains("salutations distinguées", final.Body, StringComparison.Ordinal);
        Assert.Contains("Recouvrement", collection.Body, StringComparison.Ordinal);
        Assert.Contains("intérêts de retard", collection.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void ToneDiffersByProfile()
    {
        var low = Renderer.Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Email, "en"));
        var high = Renderer.Render(Model(DunningStage.Reminder, RiskProfile.High, Channel.Email, "en"));
        var highFinal = Renderer.Render(Model(DunningStage.FinalNotice, RiskProfile.High, Channel.Email, "en"));

        Assert.Contains("Friendly", low.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("collection agency", low.Body, StringComparison.Ordinal);
        Assert.Contains("additional costs", high.Body, StringComparison.Ordinal);
        Assert.Contains("collection agency", highFinal.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es")]
    [InlineData("")]
    public void MissingLanguageFallsBackToEnglish(string language)
    {
        var message = Renderer.Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Email, language));

        Assert.Equal("en", message.Language);
        Assert.Equal("reminder.low.email.en", message.TemplateName);
        Assert.Contains("€1,234.50", message.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl-BE", "nl")]
    [InlineData("fr-BE", "fr")]
    [InlineData("FR", "fr")]
    public void RegionalLanguageUsesTheBaseLanguage(string language, string used)
    {
        Assert.Equal(used, Renderer.Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Sms, language)).Language);
    }
}
