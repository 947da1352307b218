using O2C.Grains.Interfaces.Orders;

namespace O2C.Grains.Customers;

/// <summary>An order waiting for a person to release it past the credit limit.</summary>
public sealed record HeldOrder(PlaceOrder Order, string ContentHash, decimal Total, string Reason);
