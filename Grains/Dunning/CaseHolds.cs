using O2C.Grains.Collections;

namespace O2C.Grains.Dunning;

/// <summary>
/// The <see cref="CaseHold"/> a case's state is in: its payment plan, else its promise to pay, else a
/// dispute on an open invoice. The state machine decides what may start; the state keeps the details.
/// </summary>
internal static class CaseHolds
{
    public static CaseHold Of(CaseState s) =>
        s.Plan is { } plan ? CaseHold.None.Start(HoldKind.Plan, plan.AgreedOn, plan.Reason).Hold
        : s.Promise is { } promise ? CaseHold.None.Start(HoldKind.Promise, promise.MadeOn, $"{promise.Amount:0.00} by {promise.Date:yyyy-MM-dd}").Hold
        : s.Invoices.Values.FirstOrDefault(i => i.Disputed && i.Outstanding > 0) is { } disputed
            ? CaseHold.None.Start(HoldKind.Dispute, disputed.LevelReachedOn ?? disputed.DueDate, $"invoice {disputed.InvoiceId} disputed").Hold
        : CaseHold.None;
}
