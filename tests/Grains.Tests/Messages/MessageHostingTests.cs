using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using O2C.Grains.Payments;

namespace O2C.Grains.Tests.Messages;

/// <summary>The start of a silo with AddO2CGrains: bad message configuration stops it with one line.</summary>
public sealed class MessageHostingTests
{
    private static IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddO2CGrains();
        return builder.Build();
    }

    [Fact]
    public async Task UnknownPlaceholderStopsTheStartNamingTheKey()
    {
        using var host = Build(("O2C:Payments:LinkTemplate", "https://pay.example.com/{ref}?amount={amount}"));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("O2C:Payments:LinkTemplate: unknown placeholder {ref}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetiredLinkBaseStopsTheStartPointingToTheNewKey()
    {
        using var host = Build(("O2C:Messages:PaymentLinkBase", "https://pay.example.com/o2c/"));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("O2C:Messages:PaymentLinkBase is no longer read; set O2C:Payments:LinkTemplate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenOverrideTemplateStopsTheStartNamingFileAndLine()
    {
        var folder = Directory.CreateTempSubdirectory("o2c-templates-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "reminder.low.sms.nl.scriban"), "Subject: Herinnering\n\n{{ totaal }}");
            using var host = Build(("O2C:Messages:TemplateFolder", folder));

            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

            Assert.Contains($"Message template {Path.Combine(folder, "reminder.low.sms.nl.scriban")}, line 3: ", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ValidConfigurationStartsAndFillsTheLink()
    {
        using var host = Build(("O2C:Payments:LinkTemplate", MessageSamples.LinkTemplate));

        await host.StartAsync();
        var links = host.Services.GetRequiredService<PaymentLinkTemplate>();
        await host.StopAsync();

        Assert.Equal("https://pay.example.com/RF1?amount=5.00&currency=EUR", links.For("RF1", 5m, "EUR", "I", "C"));
    }
}
