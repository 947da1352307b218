namespace O2C.Api.Orders;

/// <summary>An order id already in the orders table: the first result a repeat must get.</summary>
public sealed record StoredOrder(string OrderId, string CustomerId, string ContentHash, string Status, string? InvoiceId, string? Reason);
