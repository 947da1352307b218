using O2C.Grains.Interfaces.Customers;

namespace O2C.Grains.Risk;

/// <summary>
/// Sets a customer's risk profile from creditworthiness (an external score) and payment
/// behaviour. High rules are checked first because any one warning sign outweighs a good score.
/// Without a score a customer can never be Low: Low is a privilege that needs evidence.
/// </summary>
public sealed class RiskPolicy(RiskThresholds thresholds)
{
    public RiskPolicy()
        : this(new RiskThresholds())
    {
    }

    public RiskThresholds Thresholds { get; } = thresholds;

    public RiskAssessment Assess(int? creditScore, PaymentBehaviour behaviour)
    {
        ArgumentNullException.ThrowIfNull(behaviour);
        var t = Thresholds;

        if (creditScore < t.HighScoreBelow)
        {
            return High("LowCreditScore", $"credit score {creditScore} is below {t.HighScoreBelow}");
        }

        // A broken promise to pay is a late payment the customer had announced would not be late.
        var late = behaviour.InvoicesPaidLate + behaviour.BrokenPromises;
        if (late >= t.LatePaymentsForHigh)
        {
            var detail = behaviour.BrokenPromises > 0
                ? $"{behaviour.InvoicesPaidLate} invoices paid late and {behaviour.BrokenPromises} broken promises"
                : $"{behaviour.InvoicesPaidLate} invoices paid late";
            return High("HabitualLatePayer", $"{detail} in the last 12 months (limit {t.LatePaymentsForHigh})");
        }

        if (behaviour.ReachedFinalNotice)
        {
            return High("ReachedFinalNotice", "a dunning case reached the final notice in the last 12 months");
        }

        if (creditScore >= t.LowScoreAtLeast && behaviour.MaxDaysLate <= t.LowMaxDaysLate)
        {
            return new RiskAssessment(
                RiskProfile.Low,
                "GoodStanding",
                $"Low: credit score {creditScore} is at least {t.LowScoreAtLeast} and no invoice was paid more than {t.LowMaxDaysLate} days late");
        }

        return new RiskAssessment(RiskProfile.Medium, "Default", "Medium: " + MediumReason(creditScore, behaviour));
    }

    private string MediumReason(int? creditScore, PaymentBehaviour behaviour)
    {
        var t = Thresholds;
        if (creditScore is null)
        {
            return behaviour == PaymentBehaviour.None
                ? "no credit score and no payment history"
                : "no credit score";
        }

        if (creditScore < t.LowScoreAtLeast)
        {
            return $"credit score {creditScore} is between {t.HighScoreBelow} and {t.LowScoreAtLeast}";
        }

        return $"credit score {creditScore} is good but an invoice was paid {behaviour.MaxDaysLate} days late (more than {t.LowMaxDaysLate})";
    }

    private static RiskAssessment High(string rule, string reason) =>
        new(RiskProfile.High, rule, "High: " + reason);
}
