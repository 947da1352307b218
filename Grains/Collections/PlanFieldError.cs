namespace O2C.Grains.Collections;

/// <summary>
/// A refused part of a payment-plan request. <see cref="Field"/> is the request's JSON path with
/// zero-based indexes (<c>instalments[2].date</c>), so the API can return it as a validation problem as is.
/// </summary>
public sealed record PlanFieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
