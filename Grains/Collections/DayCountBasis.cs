namespace O2C.Grains.Collections;

/// <summary>How a day's share of an annual interest rate is counted.</summary>
public enum DayCountBasis
{
    /// <summary>Every day is 1/365 of a year, leap years included: the usual basis of German and French statutory interest calculators.</summary>
    Actual365Fixed,

    /// <summary>
    /// Every day is 1/365 or 1/366 of the calendar year it falls in, so a whole year (leap or not) earns
    /// exactly the annual rate; this keeps yearly compounding (NL) free of a leap-year bump.
    /// </summary>
    ActualActual,
}
