using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using O2C.Grains.Collections;

namespace O2C.Grains.Tests.Collections;

public sealed class CollectionsOptionsTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddO2CCollectionsRules(configuration.GetSection("O2C")).BuildServiceProvider();
    }

    [Fact]
    public void WithoutConfigurationTheShippedRulesAndDefaultsApply()
    {
        using var services = Services([]);

        Assert.Equal(["BE", "DE", "FR", "NL"], services.GetRequiredService<IOptions<LatePaymentInterestOptions>>().Value.CountryCodes);
        Assert.Equal(5, services.GetRequiredService<IOptions<PaymentPlanOptions>>().Value.GraceDays);
        Assert.Equal(0.45m, services.GetRequiredService<IOptions<WorklistWeights>>().Value.HighRisk);
    }

    [Fact]
    public void ABadPeriodFailsWithTheCountryAndPeriodNamed()
    {
        using var services = Services(new()
        {
            ["O2C:Collections:Interest:Countries:NL:Periods:0:From"] = "2026-01-01",
            ["O2C:Collections:Interest:Countries:NL:Periods:0:To"] = "2026-06-30",
            ["O2C:Collections:Interest:Countries:NL:Periods:0:ReferenceRate"] = "2.15",
            ["O2C:Collections:Interest:Countries:NL:Periods:0:Margin"] = "8",
            ["O2C:Collections:Interest:Countries:NL:Periods:1:From"] = "2026-07-02",
            ["O2C:Collections:Interest:Countries:NL:Periods:1:ReferenceRate"] = "2.15",
            ["O2C:Collections:Interest:Countries:NL:Periods:1:Margin"] = "8",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LatePaymentInterestOptions>>().Value);

        Assert.Equal(
            "O2C:Collections:Interest:Countries:NL:Periods:1 (2026-07-02..open): leaves a gap after period 0 (2026-01-01..2026-06-30) (2026-07-01..2026-07-01 has no rate).",
            Assert.Single(error.Failures));
    }
}
