namespace O2C.Grains.Interfaces.Customers;

/// <summary>How risky a customer is to extend credit to; shapes the dunning ladder and its tone.</summary>
[GenerateSerializer, Alias("o2c.risk-profile")]
public enum RiskProfile
{
    Low,
    Medium,
    High,
}
