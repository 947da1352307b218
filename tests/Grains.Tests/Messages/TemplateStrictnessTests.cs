using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;
using O2C.Grains.Messages;
using static O2C.Grains.Tests.Messages.MessageSamples;

namespace O2C.Grains.Tests.Messages;

/// <summary>A template that would go wrong for a customer fails instead, naming its file and line.</summary>
public sealed class TemplateStrictnessTests
{
    private static MessageRenderer RendererOf(string name, string text) =>
        new(MessageTemplateCatalog.FromSources(new Dictionary<string, string> { [name] = text }));

    [Fact]
    public void UnknownVariableNamesFileAndLine()
    {
        var renderer = RendererOf("reminder.low.email.en", "Subject: Hello {{ customer_name }}\n\nDear {{ customer_name }},\nYou owe {{ amount_due }}.");

        var ex = Assert.Throws<MessageTemplateException>(() => renderer.Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Email, "en")));

        Assert.Equal("reminder.low.email.en.scriban", ex.File);
        Assert.Equal(4, ex.Line);
        Assert.Contains("amount_due", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("Message template reminder.low.email.en.scriban, line 4: ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void UnknownMemberOfAnInvoiceNamesFileAndLine()
    {
        var renderer = RendererOf("reminder.low.email.en", "Subject: Hi\n\nInvoices:\n{{- for invoice in invoices }}\n- {{ invoice.invoice_id }} {{ invoice.vat_number }}\n{{- end }}");

        var ex = Assert.Throws<MessageTemplateException>(() => renderer.Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Email, "en")));

        Assert.Equal(5, ex.Line);
        Assert.Contains("vat_number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateThatDoesNotParseNamesFileAndLine()
    {
        var catalog = MessageTemplateCatalog.FromSources(new Dictionary<string, string>
        {
            ["reminder.low.email.en"] = "Subject: Hi\n\nLine three\nTotal: {{ total_outstanding | }}\nLine five\n",
            ["reminder.low.sms.en"] = "Subject: Hi\n\n{{ for invoice in invoices }}\n- {{ invoice.invoice_id }}\nLine five\n",
        });

        var problems = catalog.FindProblems();

        var email = Assert.Single(problems, p => p.Contains("reminder.low.email.en.scriban", StringComparison.Ordinal));
        Assert.True(email.StartsWith("Message template reminder.low.email.en.scriban, line 4: ", StringComparison.Ordinal), email);
        // Scriban notices a missing end at the last code it reads (line 4 here), and says which statement lacks it.
        var sms = Assert.Single(problems, p => p.Contains("reminder.low.sms.en.scriban", StringComparison.Ordinal));
        Assert.True(sms.StartsWith("Message template reminder.low.sms.en.scriban, line 4: ", StringComparison.Ordinal), sms);
        Assert.Contains("for <variable> in <expression> ... end", sms, StringComparison.Ordinal);
        Assert.DoesNotContain(problems, p => p.Contains("misses", StringComparison.Ordinal) && p.Contains("reminder.low.email.en.scriban", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidationReachesTheBranchWithoutALink()
    {
        // The typo sits where only a message without a payment link goes; the start still catches it.
        var catalog = MessageTemplateCatalog.FromSources(new Dictionary<string, string>
        {
            ["reminder.low.email.en"] = "Subject: Hi\n\n{{ if payment_link }}{{ payment_link }}{{ else }}{{ bank_acount }}{{ end }}",
        });

        Assert.Contains(catalog.FindProblems(), p => p.StartsWith("Message template reminder.low.email.en.scriban, line 3: ", StringComparison.Ordinal) && p.Contains("bank_acount", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateListsMissingAndBrokenTemplatesInOneLine()
    {
        var catalog = MessageTemplateCatalog.FromSources(new Dictionary<string, string>
        {
            ["reminder.low.email.en"] = "Subject: Hi\n\n{{ for invoice in invoices }}{{ invoice.invoice_id }} {{ nope }}{{ end }}",
            ["reminder.low.sms.en"] = "No subject line",
            ["reminder.low.letter.en"] = "Subject: {{ if }}",
            ["reminder.Low.email.nl"] = "Subject: x\n\ny",
        });

        var ex = Assert.Throws<InvalidOperationException>(catalog.Validate);

        Assert.DoesNotContain('\n', ex.Message);
        Assert.Contains("language 'en' misses 42 template(s):", ex.Message, StringComparison.Ordinal);
        Assert.Contains("predue.low.email.en.scriban", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Message template reminder.low.email.en.scriban, line 3: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Message template reminder.low.sms.en.scriban, line 1: the first line must be 'Subject: ...'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Message template reminder.low.letter.en.scriban, line 1: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Message template reminder.Low.email.nl.scriban: the name is not", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScribanFunctionsWorkButCannotBeChangedForTheNextMessage()
    {
        var renderer = RendererOf("reminder.low.email.en", "Subject: {{ customer_name | string.upcase }}\n\n{{ string.upcase = 'x' }}");

        var ex = Assert.Throws<MessageTemplateException>(() => renderer.Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Email, "en")));
        var upper = RendererOf("reminder.low.email.en", "Subject: {{ customer_name | string.upcase }}\n\nok").Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Email, "en"));

        Assert.Equal(3, ex.Line);
        Assert.Equal("BAKKERIJ DE VRIES", upper.Subject);
    }

    [Fact]
    public void EmptySubjectIsAnError()
    {
        var renderer = RendererOf("reminder.low.email.en", "Subject: {{ '' }}\n\nBody");

        var ex = Assert.Throws<MessageTemplateException>(() => renderer.Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Email, "en")));

        Assert.Equal(1, ex.Line);
    }
}
