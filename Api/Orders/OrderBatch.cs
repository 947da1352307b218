using O2C.Grains.Interfaces.Orders;

namespace O2C.Api.Orders;

/// <summary>Body of <c>POST /v1/orders/batch</c>, for the OpenAPI document: up to 1,000 orders, each answered on its own.</summary>
public sealed record OrderBatch(IReadOnlyList<PlaceOrder> Orders);
