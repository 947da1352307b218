using O2C.Api.Errors;

namespace O2C.Api.Orders;

/// <summary>The reason a batch reports for an order whose placing threw.</summary>
public static class OrderFailure
{
    public static string Reason(Exception error) =>
        Failures.IsOutage(error) ? "the database or the cluster could not be reached; send this order again"
        : Failures.DatabaseRefusal(error) is { } refusal ? $"the database refused the order (SQLSTATE {refusal.SqlState})"
        : "the order could not be placed; send it again, and report it if it fails again";
}
