namespace O2C.Grains.Interfaces.Orders;

/// <summary>An order as ingested (already validated).</summary>
[GenerateSerializer, Immutable, Alias("o2c.place-order")]
public sealed record PlaceOrder([Id(0)] string OrderId, [Id(1)] string CustomerId, [Id(2)] DateOnly OrderDate, [Id(3)] string Currency, [Id(4)] IReadOnlyList<OrderLine> Lines);
