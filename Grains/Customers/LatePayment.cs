namespace O2C.Grains.Customers;

public sealed record LatePayment(string InvoiceId, DateOnly PaidOn, int DaysLate);
