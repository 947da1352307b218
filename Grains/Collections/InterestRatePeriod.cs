namespace O2C.Grains.Collections;

/// <summary>
/// One published half-year (or other) period of a country's statutory commercial interest rate:
/// a reference rate plus a fixed margin, both in percentage points a year. <see cref="To"/> is
/// inclusive; only a country's last period may leave it open ("until the next publication").
/// Settable properties so configuration can bind it.
/// </summary>
public sealed record InterestRatePeriod
{
    public InterestRatePeriod()
    {
    }

    public InterestRatePeriod(DateOnly from, DateOnly? to, decimal referenceRate, decimal margin)
    {
        From = from;
        To = to;
        ReferenceRate = referenceRate;
        Margin = margin;
    }

    public DateOnly From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>
    /// The reference rate in percent (ECB main refinancing rate, German Basiszinssatz, ...). May be
    /// negative: the Basiszinssatz was -0.88% from 2016 to 2022.
    /// </summary>
    public decimal ReferenceRate { get; init; }

    /// <summary>The statutory margin in percentage points (NL 8, DE 9, BE 8, FR 10).</summary>
    public decimal Margin { get; init; }

    public bool Covers(DateOnly day) => day >= From && (To is null || day <= To.Value);

    /// <summary>
    /// Reference rate plus margin, rounded up to a multiple of <paramref name="roundUpTo"/> when given
    /// (Belgium rounds up to the next half percent).
    /// </summary>
    public decimal AnnualRate(decimal? roundUpTo = null)
    {
        var rate = ReferenceRate + Margin;
        return roundUpTo is > 0m ? Math.Ceiling(rate / roundUpTo.Value) * roundUpTo.Value : rate;
    }

    public override string ToString() => $"{From:yyyy-MM-dd}..{(To is { } to ? to.ToString("yyyy-MM-dd") : "open")}";
}
