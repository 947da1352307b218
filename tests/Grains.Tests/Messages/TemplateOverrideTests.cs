using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;
using O2C.Grains.Messages;
using static O2C.Grains.Tests.Messages.MessageSamples;

namespace O2C.Grains.Tests.Messages;

/// <summary>The operator's folder (O2C:Messages:TemplateFolder): read at start, no rebuild, checked like the shipped files.</summary>
public sealed class TemplateOverrideTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("o2c-templates-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void OverrideReplacesAShippedFileByName()
    {
        Write("reminder.low.email.en", "Subject: Overridden for {{ customer_name }}\n\n{{ for invoice in invoices }}{{ invoice.invoice_id }} {{ end }}");
        var catalog = MessageTemplateCatalog.Load(_folder);
        var renderer = new MessageRenderer(catalog);

        var en = renderer.Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Email, "en"));
        var nl = renderer.Render(Model(DunningStage.Reminder, RiskProfile.Low, Channel.Email, "nl"));

        Assert.Equal("Overridden for Bakkerij De Vries", en.Subject);
        Assert.Equal("INV-2026-0001 INV-2026-0002", en.Body);
        Assert.Contains("Factuur INV-2026-0001", nl.Body, StringComparison.Ordinal);
        Assert.Equal(180, catalog.Names.Count);
        Assert.Empty(catalog.FindProblems());
    }

    [Fact]
    public void BrokenOverrideFailsNamingItsPathAndLine()
    {
        Write("final.high.letter.de", "Subject: Letzte Mahnung\n\nSehr geehrte Damen und Herren,\n\nSumme: {{ total_outstandig }}\n");
        var catalog = MessageTemplateCatalog.Load(_folder);

        var ex = Assert.Throws<InvalidOperationException>(catalog.Validate);

        var path = Path.Combine(_folder, "final.high.letter.de.scriban");
        Assert.Contains($"Message template {path}, line 5: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("total_outstandig", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Message templates in {MessageTemplateCatalog.DefaultFolder} + {_folder} are not usable (1 problem(s)): ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANewLanguageMustBeComplete()
    {
        Write("reminder.low.email.es", "Subject: Recordatorio\n\nHola {{ customer_name }}");

        var ex = Assert.Throws<InvalidOperationException>(MessageTemplateCatalog.Load(_folder).Validate);

        Assert.Contains("language 'es' misses 44 template(s):", ex.Message, StringComparison.Ordinal);
        Assert.Contains("predue.low.email.es.scriban", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACompleteNewLanguageIsUsed()
    {
        foreach (var file in Directory.EnumerateFiles(MessageTemplateCatalog.DefaultFolder, "*.en.scriban"))
        {
            var name = Path.GetFileName(file).Replace(".en.scriban", ".es", StringComparison.Ordinal);
            Write(name, "Subject: Aviso\n" + string.Join('\n', File.ReadAllLines(file).Skip(1)));
        }

        var catalog = MessageTemplateCatalog.Load(_folder);
        catalog.Validate();
        var message = new MessageRenderer(catalog).Render(Model(DunningStage.FinalNotice, RiskProfile.High, Channel.Sms, "es"));

        Assert.Equal("es", message.Language);
        Assert.Equal("Aviso", message.Subject);
        Assert.Equal(225, catalog.Names.Count);
    }

    [Fact]
    public void LeftoverHbsFileIsNotSilentlyIgnored()
    {
        File.WriteAllText(Path.Combine(_folder, "reminder.low.email.en.hbs"), "Subject: old\n\n{{customerName}}");

        var ex = Assert.Throws<InvalidOperationException>(MessageTemplateCatalog.Load(_folder).Validate);

        Assert.Contains(Path.Combine(_folder, "reminder.low.email.en.hbs"), ex.Message, StringComparison.Ordinal);
        Assert.Contains("*.scriban", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFolderIsAClearError()
    {
        var ex = Assert.Throws<DirectoryNotFoundException>(() => MessageTemplateCatalog.Load("/nowhere/templates"));

        Assert.Contains("/nowhere/templates", ex.Message, StringComparison.Ordinal);
        Assert.Contains("O2C:Messages:TemplateFolder", ex.Message, StringComparison.Ordinal);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name + MessageTemplateCatalog.Extension), text);
}
