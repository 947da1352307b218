using Microsoft.Extensions.Configuration;
using O2C.Grains.Dunning;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Tests.Dunning;

public sealed class DunningLadderOptionsBindingTests
{
    [Fact]
    public void BindsFromConfigurationReplacingOnlyTheConfiguredProfile()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Dunning:Ladders:High:0:Stage"] = "Reminder",
                ["Dunning:Ladders:High:0:OffsetDays"] = "2",
                ["Dunning:Ladders:High:0:Channels:0"] = "Sms",
                ["Dunning:Ladders:High:1:Stage"] = "Collection",
                ["Dunning:Ladders:High:1:OffsetDays"] = "10",
                ["Dunning:Ladders:High:1:Channels:0"] = "Letter",
            })
            .Build();

        var options = configuration.GetSection(DunningLadderOptions.SectionName).Get<DunningLadderOptions>()!;

        Assert.Empty(options.Validate());
        var high = options.LadderFor(RiskProfile.High);
        Assert.Equal([DunningStage.Reminder, DunningStage.Collection], high.Steps.Select(s => s.Stage));
        Assert.Equal([Channel.Sms], high.Steps[0].Channels);
        Assert.Equal(DunningLadderOptions.DefaultSteps(RiskProfile.Low), options.StepsFor(RiskProfile.Low));
    }
}
