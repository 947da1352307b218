namespace O2C.Api.Dashboard;

/// <summary>Invoices with money owed in one currency; overdue ones are past their due date.</summary>
public sealed record ReceivablesView(string Currency, long Open, decimal OpenAmount, long Overdue, decimal OverdueAmount);
