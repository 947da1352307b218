using O2C.Grains.Interfaces.Customers;

namespace O2C.Grains.Collections;

/// <summary>
/// An open dunning case as the worklist ranks it. <see cref="AmountAtRisk"/> is what is still open
/// (principal, plus claimed interest if the caller wants it counted), in one currency for every case
/// ranked together: the caller converts. <see cref="NextActionDue"/> is null when the ladder has no
/// step left (hand over or write off is due).
/// </summary>
public sealed record WorklistCase(
    string CaseId,
    string Currency,
    decimal AmountAtRisk,
    int DaysOverdue,
    RiskProfile RiskProfile,
    int BrokenPromises,
    int BrokenPlans,
    DateOnly? NextActionDue,
    HoldKind? Hold = null,
    string? Collector = null);
