using O2C.Grains.Interfaces.Customers;

namespace O2C.Grains.Risk;

/// <summary>A risk profile with the rule that set it and a reason with the figures behind it.</summary>
public sealed record RiskAssessment(RiskProfile Profile, string Rule, string Reason);
