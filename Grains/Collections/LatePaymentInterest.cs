using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Collections;

/// <summary>
/// Statutory late-payment interest and compensation on one invoice, as a pure function of the
/// country's rules, the invoice, the day asked about and the ladder step reached.
/// </summary>
/// <remarks>
/// Interest accrues for every day from the day after the due date up to and including
/// <c>asOf</c>, on the amount open that day: a payment lowers the base from its own date on (so a
/// payment in full on day D earns no interest for day D). Each day earns base x annual rate / year
/// length, where the year length follows <see cref="CountryInterestRules.DayCount"/>. Where interest
/// compounds yearly, the interest of each full year of default (counted from the first day of
/// interest) joins the base on the anniversary. Amounts stay unrounded throughout, capitalised
/// interest included; the total is rounded to the cent once, away from zero at the midpoint.
/// </remarks>
public static class LatePaymentInterest
{
    public static InterestStatement Calculate(CountryInterestRules rules, LateInvoice invoice, DateOnly asOf, DunningStage reached)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(invoice);
        if (invoice.Principal < 0m)
        {
            throw new ArgumentException($"The principal of an invoice cannot be negative ({invoice.Principal}).", nameof(invoice));
        }

        if (invoice.Payments.FirstOrDefault(p => p.Amount <= 0m) is { } bad)
        {
            throw new ArgumentException($"A payment must be positive ({bad.Amount} on {bad.Date:yyyy-MM-dd}).", nameof(invoice));
        }

        var lines = Accrue(rules, invoice, asOf);
        var interest = Math.Round(lines.Sum(l => l.Amount), 2, MidpointRounding.AwayFromZero);
        var paid = invoice.Payments.Where(p => p.Date <= asOf).Sum(p => p.Amount);
        var openPrincipal = Math.Max(0m, invoice.Principal - paid);
        var late = asOf > invoice.DueDate;
        var compensation = late ? rules.Compensation : 0m;
        var claimed = late && reached >= rules.ClaimFromStage;
        var compensationCounts = string.Equals(invoice.Currency, rules.CompensationCurrency, StringComparison.OrdinalIgnoreCase);
        var total = openPrincipal + (claimed ? interest + (compensationCounts ? compensation : 0m) : 0m);
        return new InterestStatement(
            invoice.Country,
            rules.LegalBasis,
            invoice.DueDate,
            asOf,
            openPrincipal,
            interest,
            compensation,
            rules.CompensationCurrency,
            claimed,
            total,
            lines);
    }

    private static List<InterestLine> Accrue(CountryInterestRules rules, LateInvoice invoice, DateOnly asOf)
    {
        var lines = new List<InterestLine>();
        var first = invoice.DueDate.AddDays(1);
        if (asOf < first)
        {
            return lines;
        }

        var anniversaries = Anniversaries(rules, first, asOf);
        var starts = StretchStarts(rules, invoice, first, asOf, anniversaries);
        var capitalised = 0m;
        var thisYear = 0m;
        for (var i = 0; i < starts.Count; i++)
        {
            var from = starts[i];
            var to = i + 1 < starts.Count ? starts[i + 1].AddDays(-1) : asOf;
            if (anniversaries.Contains(from))
            {
                capitalised += thisYear;
                thisYear = 0m;
            }

            var paid = invoice.Payments.Where(p => p.Date <= from).Sum(p => p.Amount);
            var @base = Math.Max(0m, invoice.Principal + capitalised - paid);
            var period = rules.PeriodFor(from) ?? throw new InvalidOperationException(
                $"{invoice.Country} has no late-payment interest rate for {from:yyyy-MM-dd}; add the period under {LatePaymentInterestOptions.ConfigurationPath}:Countries:{invoice.Country}:Periods.");
            var rate = rules.AnnualRate(period);
            var yearDays = YearDays(rules.DayCount, from);
            var days = to.DayNumber - from.DayNumber + 1;
            var amount = @base * rate * days / (100m * yearDays);
            lines.Add(new InterestLine(from, to, days, @base, rate, yearDays, amount));
            thisYear += amount;
        }

        return lines;
    }

    /// <summary>The first day of every stretch: base, rate or year length may change on each.</summary>
    private static List<DateOnly> StretchStarts(
        CountryInterestRules rules, LateInvoice invoice, DateOnly first, DateOnly asOf, HashSet<DateOnly> anniversaries)
    {
        var starts = new SortedSet<DateOnly> { first };
        foreach (var period in rules.Periods)
        {
            starts.Add(period.From);
            if (period.To is { } to)
            {
                // The day after a period ends starts a stretch even when no period follows, so a gap is found.
                starts.Add(to.AddDays(1));
            }
        }

        foreach (var payment in invoice.Payments)
        {
            starts.Add(payment.Date);
        }

        if (rules.DayCount == DayCountBasis.ActualActual)
        {
            for (var year = first.Year + 1; year <= asOf.Year; year++)
            {
                starts.Add(new DateOnly(year, 1, 1));
            }
        }

        starts.UnionWith(anniversaries);
        return starts.Where(d => d >= first && d <= asOf).ToList();
    }

    private static HashSet<DateOnly> Anniversaries(CountryInterestRules rules, DateOnly first, DateOnly asOf)
    {
        var anniversaries = new HashSet<DateOnly>();
        for (var years = 1; rules.CompoundsYearly && first.AddYears(years) <= asOf; years++)
        {
            anniversaries.Add(first.AddYears(years));
        }

        return anniversaries;
    }

    private static int YearDays(DayCountBasis basis, DateOnly day) =>
        basis == DayCountBasis.ActualActual && DateTime.IsLeapYear(day.Year) ? 366 : 365;
}
