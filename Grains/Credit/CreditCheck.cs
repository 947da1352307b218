using System.Globalization;

namespace O2C.Grains.Credit;

/// <summary>
/// Decides whether a new order may be invoiced. An order that would take open exposure past
/// the credit limit is held, never silently invoiced; reaching the limit exactly is allowed.
/// </summary>
public static class CreditCheck
{
    public static CreditDecision Decide(decimal creditLimit, decimal openExposure, decimal orderGross, string currency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        var after = openExposure + orderGross;
        if (after <= creditLimit)
        {
            return new CreditDecision(
                CreditOutcome.Approve,
                $"order {Amount(orderGross)} {currency} keeps open exposure at {Amount(after)}, within the credit limit {Amount(creditLimit)}");
        }

        return new CreditDecision(
            CreditOutcome.Hold,
            $"order {Amount(orderGross)} {currency} would raise open exposure from {Amount(openExposure)} to {Amount(after)}, past the credit limit {Amount(creditLimit)}");
    }

    private static string Amount(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);
}
