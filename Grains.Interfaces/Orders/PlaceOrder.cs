namespace O2C.Grains.Interfaces.Orders;

/// <summary>An order as ingested (already validated).</summary>
public sealed record PlaceOrder(string OrderId, string CustomerId, DateOnly OrderDate, string Currency, IReadOnlyList<OrderLine> Lines);
