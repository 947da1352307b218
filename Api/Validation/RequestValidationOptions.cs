namespace O2C.Api.Validation;

/// <summary>
/// <c>O2C:Validation</c>: the window dates in requests must fall in. A year 1 or 9999 is a typo or a
/// probe, never an order; and the tables' date arithmetic (due dates, aging) must not leave DateOnly's range.
/// </summary>
public sealed class RequestValidationOptions
{
    public DateOnly EarliestDate { get; set; } = new(2000, 1, 1);

    public DateOnly LatestDate { get; set; } = new(2100, 12, 31);
}
