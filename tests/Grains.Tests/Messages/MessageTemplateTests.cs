using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;
using O2C.Grains.Messages;

namespace O2C.Grains.Tests.Messages;

public sealed class MessageTemplateTests
{
    private static readonly MessageTemplateCatalog Shipped = MessageTemplateCatalog.Load();
    private static readonly MessageRenderer Renderer = new(Shipped);

    private static readonly string[] Languages = ["nl", "en", "de"];

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

    private static MessageModel Model(DunningStage stage, RiskProfile profile, Channel channel, string language) => new(
        "Bakkerij De Vries",
        language,
        stage,
        profile,
        channel,
        "EUR",
        1834.50m,
        "https://pay.example.com/c/42?t=a&b=c",
        [
            new MessageInvoiceLine("INV-2026-0001", 1234.50m, "EUR", new DateOnly(2026, 11, 21), DunningStageNames.In(language, stage), "RF71INV20260001"),
            new MessageInvoiceLine("INV-2026-0002", 600m, "EUR", new DateOnly(2026, 12, 5), DunningStageNames.In(language, DunningStage.Reminder), "RF44INV20260002"),
        ]);

    [Fact]
    public void ShipsAllOneHundredThirtyFiveTemplates()
    {
        Assert.Equal(135, Shipped.Names.Count);
        Assert.Equal(135, AllCombinations().Count);
    }

    [Fact]
    public void ShippedTemplatesValidate()
    {
        Shipped.Validate();
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void EveryTemplateListsEveryInvoice(DunningStage stage, RiskProfile profile, Channel channel, string language)
    {
        var model = Model(stage, profile, channel, language);

        var message = Renderer.Render(model);

        Assert.Equal(MessageTemplateCatalog.NameFor(stage, profile, channel, language), message.TemplateName);
        Assert.Equal(language, message.Language);
        Assert.Equal(channel, message.Channel);
        Assert.False(string.IsNullOrWhiteSpace(message.Subject));
        var (first, second, total, firstDue) = language == "en"
            ? ("1,234.50", "600.00", "1,834.50", "2026-11-21")
            : ("1.234,50", "600,00", "1.834,50", language == "nl" ? "21-11-2026" : "21.11.2026");
        foreach (var expected in new[]
                 {
                     "Bakkerij De Vries", "INV-2026-0001", "INV-2026-0002", "RF71INV20260001", "RF44INV20260002",
                     first + " EUR", second + " EUR", total + " EUR", firstDue, model.PaymentLink,
                     model.Invoices[0].Level, model.Invoices[1].Level,
                 })
        {
            Assert.Contains(expected, message.Body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{{", message.Body, StringComparison.Ordinal);
        if (channel == Channel.Sms)
        {
            Assert.True(message.Body.Length < 600, $"SMS {message.TemplateName} is {message.Body.Length} characters");
        }
    }

    [Fact]
    public void DutchAndGermanAreReallyLocalized()
    {
        var nl = Renderer.Render(Model(DunningStage.FinalNotice, RiskProfile.High, Channel.Letter, "nl"));
        var de = Renderer.Render(Model(DunningStage.FinalNotice, RiskProfile.High, Channel.Letter, "de"));
        var en = Renderer.Render(Model(DunningStage.FinalNotice, RiskProfile.High, Channel.Letter, "en"));

        Assert.Contains("ingebrekestelling", nl.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("incassobureau", nl.Body, StringComparison.Ordinal);
        Assert.Contains("Factuur INV-2026-0001", nl.Body, StringComparison.Ordinal);
        Assert.Contains("Letzte Mahnung", de.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Inkassobüro", de.Body, StringComparison.Ordinal);
        Assert.Contains("Rechnung INV-2026-0001", de.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Invoice", nl.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Invoice", de.Body, StringComparison.Ordinal);
        Assert.NotEqual(nl.Subject, en.Subject);
        Assert.NotEqual(de.Subject, en.Subject);
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

    [Fact]
    public void PaymentLinkIsNotHtmlEscaped()
    {
        var message = Renderer.Render(Model(DunningStage.Reminder, RiskProfile.Medium, Channel.Email, "en"));

        Assert.Contains("?t=a&b=c", message.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    public void MissingLanguageFallsBackToEnglish(string language)
    {
        var message = Renderer.Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Email, language));

        Assert.Equal("en", message.Language);
        Assert.Equal("reminder.low.email.en", message.TemplateName);
        Assert.Contains("1,234.50 EUR", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void RegionalLanguageUsesTheBaseLanguage()
    {
        Assert.Equal("nl", Renderer.Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Sms, "nl-BE")).Language);
    }

    [Fact]
    public void MissingVariableThrows()
    {
        var catalog = MessageTemplateCatalog.FromSources(new Dictionary<string, string>
        {
            ["reminder.low.email.en"] = "Subject: Hello {{customerName}}\n\nYou owe {{amountDue}}.",
        });

        var ex = Assert.Throws<InvalidOperationException>(() =>
            new MessageRenderer(catalog).Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Email, "en")));
        Assert.Contains("reminder.low.email.en.hbs", ex.Message, StringComparison.Ordinal);
        Assert.Contains("amountDue", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateListsMissingAndBrokenTemplatesInOneMessage()
    {
        var catalog = MessageTemplateCatalog.FromSources(new Dictionary<string, string>
        {
            ["reminder.low.email.en"] = "Subject: Hi\n\n{{#each invoices}}{{invoiceId}} {{nope}}{{/each}}",
            ["reminder.low.sms.en"] = "No subject line",
            ["reminder.low.letter.en"] = "Subject: {{#if}}",
            ["reminder.Low.email.nl"] = "Subject: x\n\ny",
        });

        var ex = Assert.Throws<InvalidOperationException>(catalog.Validate);

        Assert.Contains("missing 42:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("predue.low.email.en.hbs", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Template reminder.low.email.en.hbs cannot be rendered", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Template reminder.low.sms.en.hbs must start with a 'Subject:' line", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Template reminder.low.letter.en.hbs", ex.Message, StringComparison.Ordinal);
        Assert.Contains("reminder.Low.email.nl.hbs: the name is not", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverrideFolderReplacesFilesByNameAndAddsLanguages()
    {
        var folder = Directory.CreateTempSubdirectory("o2c-templates-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "reminder.low.email.en.hbs"), "Subject: Overridden for {{customerName}}\n\n{{#each invoices}}{{invoiceId}} {{/each}}");
            File.WriteAllText(Path.Combine(folder, "reminder.low.email.fr.hbs"), "Subject: Rappel\n\nBonjour {{customerName}}, {{totalOutstanding}} {{currency}}");
            var catalog = MessageTemplateCatalog.Load(folder);
            var renderer = new MessageRenderer(catalog);

            var en = renderer.Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Email, "en"));
            var fr = renderer.Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Email, "fr"));
            var nl = renderer.Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Email, "nl"));

            Assert.Equal("Overridden for Bakkerij De Vries", en.Subject);
            Assert.Equal("fr", fr.Language);
            Assert.Equal("Bonjour Bakkerij De Vries, 1,834.50 EUR", fr.Body);
            Assert.Contains("Factuur", nl.Body, StringComparison.Ordinal);
            Assert.Equal(136, catalog.Names.Count);
            catalog.Validate();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void MissingFolderIsAClearError()
    {
        var ex = Assert.Throws<DirectoryNotFoundException>(() => MessageTemplateCatalog.Load("/nowhere/templates"));
        Assert.Contains("/nowhere/templates", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "1.234.567,89", "21-11-2026")]
    [InlineData("de", "1.234.567,89", "21.11.2026")]
    [InlineData("en", "1,234,567.89", "2026-11-21")]
    [InlineData("fr", "1,234,567.89", "2026-11-21")]
    public void AmountsAndDatesFollowTheLanguage(string language, string amount, string date)
    {
        Assert.Equal(amount, LanguageFormats.Amount(1234567.891m, language));
        Assert.Equal(date, LanguageFormats.Date(new DateOnly(2026, 11, 21), language));
    }

    [Fact]
    public void NegativeAmountsKeepTheirSign()
    {
        Assert.Equal("-1.234,50", LanguageFormats.Amount(-1234.5m, "nl"));
    }
}
