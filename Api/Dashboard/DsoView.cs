namespace O2C.Api.Dashboard;

/// <summary>Days sales outstanding: receivable / sales of the last 90 business days x 90. Null without sales.</summary>
public sealed record DsoView(string Currency, decimal Receivable, decimal Sales90Days, double? Days);
