using Microsoft.Extensions.Options;
using O2C.Grains.Interfaces.Customers;

namespace O2C.Grains.Dunning;

/// <summary>The configured ladder of each risk profile, built and validated once.</summary>
public sealed class DunningLadders(IOptions<DunningLadderOptions> options)
{
    private readonly Dictionary<RiskProfile, DunningLadder> _ladders =
        Enum.GetValues<RiskProfile>().ToDictionary(p => p, p => options.Value.LadderFor(p));

    public DunningLadder For(RiskProfile profile) => _ladders[profile];
}
