using O2C.Grains.Collections;

namespace O2C.Grains.Dunning;

/// <summary>
/// A payment plan a case runs on, as stored in its state: the agreed instalments and the money
/// received since (by business date), which <see cref="PaymentPlanWatch"/> judges.
/// </summary>
public sealed record CasePaymentPlan(
    DateOnly AgreedOn,
    decimal OpenAmount,
    IReadOnlyList<Instalment> Instalments,
    IReadOnlyList<PaymentReceived> Payments,
    string Reason)
{
    // A plan agreed once stays valid: it is rebuilt without today's limits, which may have changed since.
    private static readonly PaymentPlanOptions Agreed = new() { MaxInstalments = int.MaxValue, MaxPlanDays = 36_500 };

    public PaymentPlanStatus Watch(DateOnly today, int graceDays) =>
        PaymentPlanWatch.Evaluate(PaymentPlan.Create(OpenAmount, Instalments, AgreedOn, Agreed), Payments, today, graceDays);

    /// <summary>The day after the next unpaid instalment's grace ends: when the watch must look again.</summary>
    public DateOnly NextWatchOn(DateOnly today, int graceDays) =>
        Watch(today, graceDays) is { NextDate: { } next } ? next.AddDays(graceDays + 1) : today.AddDays(1);
}
