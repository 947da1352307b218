using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Collections;

/// <summary>
/// How one country charges late-payment interest and the fixed recovery compensation between
/// businesses (its implementation of EU Directive 2011/7/EU). Settable properties so
/// configuration can bind it (<c>O2C:Collections:Interest:Countries:NL</c>); the periods list starts
/// empty because the binder appends to an existing list.
/// </summary>
public sealed class CountryInterestRules
{
    /// <summary>The statute, shown in messages and the handover (e.g. "art. 6:119a BW").</summary>
    public string LegalBasis { get; set; } = "";

    public DayCountBasis DayCount { get; set; } = DayCountBasis.Actual365Fixed;

    /// <summary>
    /// Whether a year's interest is added to the base after each year of default (NL, art. 6:119a
    /// lid 3 with 6:119 lid 2 BW). Germany forbids interest on default interest (§289 BGB).
    /// </summary>
    public bool CompoundsYearly { get; set; }

    /// <summary>The fixed compensation for recovery costs, once per late invoice (Directive art. 6; CJEU C-585/20).</summary>
    public decimal Compensation { get; set; } = 40m;

    public string CompensationCurrency { get; set; } = "EUR";

    /// <summary>
    /// The first ladder step whose messages claim interest and compensation. Interest accrues from the
    /// day after the due date whatever the step; this only decides when we start asking for it, so the
    /// first friendly reminder does not open with a bill for costs.
    /// </summary>
    public DunningStage ClaimFromStage { get; set; } = DunningStage.FinalNotice;

    /// <summary>When set, reference rate + margin is rounded up to a multiple of this (BE: 0.5).</summary>
    public decimal? RateRoundsUpTo { get; set; }

    public List<InterestRatePeriod> Periods { get; set; } = [];

    /// <summary>The period covering <paramref name="day"/>, or null when configuration has none.</summary>
    public InterestRatePeriod? PeriodFor(DateOnly day) => Periods.FirstOrDefault(p => p.Covers(day));

    public decimal AnnualRate(InterestRatePeriod period) => period.AnnualRate(RateRoundsUpTo);

    /// <summary>Every problem with these rules as sentences naming <paramref name="country"/> and the period; empty when usable.</summary>
    public IReadOnlyList<string> Validate(string country)
    {
        var errors = new List<string>();
        var where = $"{LatePaymentInterestOptions.ConfigurationPath}:Countries:{country}";
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            errors.Add($"{where}: the country must be a two-letter upper-case ISO code.");
        }

        if (!Enum.IsDefined(DayCount))
        {
            errors.Add($"{where}: DayCount {DayCount} is not one of {string.Join(", ", Enum.GetNames<DayCountBasis>())}.");
        }

        if (Compensation < 0m)
        {
            errors.Add($"{where}: Compensation ({Compensation}) cannot be negative.");
        }

        if (CompensationCurrency is not { Length: 3 } || !CompensationCurrency.All(char.IsAsciiLetterUpper))
        {
            errors.Add($"{where}: CompensationCurrency '{CompensationCurrency}' must be a three-letter ISO code.");
        }

        if (ClaimFromStage is <= DunningStage.PreDueReminder or > DunningStage.Collection)
        {
            errors.Add($"{where}: ClaimFromStage must be a step after the due date (Reminder to Collection), not {ClaimFromStage}.");
        }

        if (RateRoundsUpTo is <= 0m)
        {
            errors.Add($"{where}: RateRoundsUpTo ({RateRoundsUpTo}) must be positive when set.");
        }

        errors.AddRange(ValidatePeriods(where));
        return errors;
    }

    private List<string> ValidatePeriods(string where)
    {
        var errors = new List<string>();
        if (Periods is not { Count: > 0 })
        {
            errors.Add($"{where}: no interest rate periods.");
            return errors;
        }

        for (var i = 0; i < Periods.Count; i++)
        {
            var period = Periods[i];
            var name = $"{where}:Periods:{i} ({period})";
            if (period.To is { } to && to < period.From)
            {
                errors.Add($"{name}: ends before it starts.");
            }

            if (period.Margin < 0m)
            {
                errors.Add($"{name}: Margin ({period.Margin}) cannot be negative.");
            }

            if (AnnualRate(period) < 0m)
            {
                errors.Add($"{name}: the rate ({period.ReferenceRate} + {period.Margin}) cannot be negative.");
            }

            if (i == 0)
            {
                continue;
            }

            // Periods are given in date order so an error can name both neighbours by position.
            var previous = Periods[i - 1];
            var previousName = $"period {i - 1} ({previous})";
            if (previous.To is not { } previousTo)
            {
                errors.Add($"{name}: overlaps {previousName}, which is open-ended; only the last period may leave To empty.");
            }
            else if (period.From <= previousTo)
            {
                errors.Add($"{name}: overlaps {previousName}; periods must be in date order without overlap.");
            }
            else if (period.From > previousTo.AddDays(1))
            {
                errors.Add($"{name}: leaves a gap after {previousName} ({previousTo.AddDays(1):yyyy-MM-dd}..{period.From.AddDays(-1):yyyy-MM-dd} has no rate).");
            }
        }

        return errors;
    }
}
