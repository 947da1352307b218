namespace O2C.Grains.Common;

public static class BusinessDays
{
    /// <summary>Business midnight (UTC) of a date: when day-based reminders fire.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
