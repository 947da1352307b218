using O2C.Grains.Interfaces.Customers;

namespace O2C.Grains.Interfaces.Collections;

/// <summary>One ranked case of the collectors' worklist: its place (1 = act first), its factors and the reason in words.</summary>
[GenerateSerializer, Immutable, Alias("o2c.worklist-item")]
public sealed record WorklistItem(
    [Id(0)] int Rank,
    [Id(1)] string CaseId,
    [Id(2)] string CustomerId,
    [Id(3)] string Currency,
    [Id(4)] decimal AmountAtRisk,
    [Id(5)] int DaysOverdue,
    [Id(6)] RiskProfile RiskProfile,
    [Id(7)] int BrokenPromises,
    [Id(8)] int BrokenPlans,
    [Id(9)] DateOnly? NextActionDue,
    [Id(10)] string? Hold,
    [Id(11)] string? Collector,
    [Id(12)] decimal Score,
    [Id(13)] decimal LikelihoodUnpaid,
    [Id(14)] decimal Urgency,
    [Id(15)] string Reason);
