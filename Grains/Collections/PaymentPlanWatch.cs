namespace O2C.Grains.Collections;

/// <summary>
/// The pure watch rule of a payment plan: given the payments received since it was agreed, where
/// does it stand today?
/// </summary>
/// <remarks>
/// Payments count cumulatively and in date order: instalment N is paid once the payments made up to
/// its deadline (its date plus the grace days) add up to instalments 1..N, so paying early or paying
/// two at once is fine. An instalment still short when its deadline has passed breaks the plan on the
/// day after the deadline, which is when the ladder resumes; a payment after that day does not mend it.
/// </remarks>
public static class PaymentPlanWatch
{
    public static PaymentPlanStatus Evaluate(PaymentPlan plan, IReadOnlyList<PaymentReceived> payments, DateOnly today, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentOutOfRangeException.ThrowIfNegative(graceDays);
        var count = plan.Instalments.Count;
        var paidToday = PaidBy(payments, today);
        var required = 0m;
        for (var i = 0; i < count; i++)
        {
            var instalment = plan.Instalments[i];
            required += instalment.Amount;
            var deadline = instalment.Date.AddDays(graceDays);
            var paidInTime = PaidBy(payments, today > deadline ? deadline : today);
            if (paidInTime >= required)
            {
                continue;
            }

            var number = i + 1;
            var shortfall = required - paidInTime;
            if (today > deadline)
            {
                var brokenOn = deadline.AddDays(1);
                return new(PlanState.Broken, today, i, count, paidToday, null, null, null, brokenOn, number, shortfall, null,
                    $"broken on {brokenOn:yyyy-MM-dd}: instalment {number} of {count} ({instalment.Amount:0.00} due {instalment.Date:yyyy-MM-dd}) " +
                    $"was {shortfall:0.00} short after {graceDays} grace days.");
            }

            var state = today > instalment.Date ? PlanState.InGrace : PlanState.OnTrack;
            var reason = state == PlanState.InGrace
                ? $"in grace: instalment {number} of {count} ({shortfall:0.00} still due since {instalment.Date:yyyy-MM-dd}) must be paid by {deadline:yyyy-MM-dd}."
                : $"on track: {Paid(i, count)}; instalment {number} ({shortfall:0.00}) due {instalment.Date:yyyy-MM-dd}.";
            return new(state, today, i, count, paidToday, number, instalment.Date, shortfall, null, null, 0m, null, reason);
        }

        var completedOn = CompletedOn(payments, plan.OpenAmount);
        return new(PlanState.Completed, today, count, count, paidToday, null, null, null, null, null, 0m, completedOn,
            $"completed on {completedOn:yyyy-MM-dd}: all {count} instalments paid.");
    }

    private static string Paid(int paid, int count) =>
        paid == 0 ? $"none of {count} instalments paid yet" : $"instalment {paid} of {count} paid";

    private static decimal PaidBy(IReadOnlyList<PaymentReceived> payments, DateOnly day) =>
        payments.Where(p => p.Date <= day).Sum(p => p.Amount);

    private static DateOnly CompletedOn(IReadOnlyList<PaymentReceived> payments, decimal total)
    {
        var sum = 0m;
        foreach (var payment in payments.OrderBy(p => p.Date))
        {
            sum += payment.Amount;
            if (sum >= total)
            {
                return payment.Date;
            }
        }

        throw new InvalidOperationException("A completed plan has payments covering it.");
    }
}
