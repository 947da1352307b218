namespace O2C.Api.Validation;

/// <summary>
/// The largest amount a request may carry: a credit limit, a payment, a promise, one order line
/// (quantity × unit price, less discount, plus VAT) and one order's total. The tables store
/// numeric(18,2), at most 9,999,999,999,999,999.99; capping each amount ten thousand times lower
/// keeps the sums the tables also store (a customer's exposure, a case's overdue amount) within it.
/// </summary>
public static class Amounts
{
    public const decimal Max = 1_000_000_000_000m;
}
