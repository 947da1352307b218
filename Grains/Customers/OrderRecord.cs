using O2C.Grains.Interfaces.Orders;

namespace O2C.Grains.Customers;

/// <summary>The first result of an order id, kept so a retry gets the same answer.</summary>
public sealed record OrderRecord(string ContentHash, OrderStatus Status, string? InvoiceId, string? Reason, decimal Total);
