namespace O2C.Grains.Collections;

/// <summary>
/// A payment plan's standing on <see cref="Today"/>. Instalment numbers are one-based (1 = first),
/// as a collector and a debtor count them. <see cref="Reason"/> is the timeline's sentence.
/// </summary>
public sealed record PaymentPlanStatus(
    PlanState State,
    DateOnly Today,
    int InstalmentsPaid,
    int InstalmentCount,
    decimal Paid,
    int? NextInstalment,
    DateOnly? NextDate,
    decimal? NextAmountDue,
    DateOnly? BrokenOn,
    int? MissedInstalment,
    decimal Shortfall,
    DateOnly? CompletedOn,
    string Reason);
