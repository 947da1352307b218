namespace O2C.Grains.Collections;

/// <summary>
/// A stretch of days (both inclusive) over which base, rate and year length stay the same.
/// <see cref="Amount"/> is unrounded: the statement rounds the sum once, so lines shown to cents
/// may differ from the total by a cent.
/// </summary>
public sealed record InterestLine(
    DateOnly From,
    DateOnly To,
    int Days,
    decimal Base,
    decimal AnnualRate,
    int YearDays,
    decimal Amount)
{
    public override string ToString() =>
        $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}: {Base:0.00} x {AnnualRate:0.##}% x {Days}/{YearDays} = {Amount:0.000000}";
}
