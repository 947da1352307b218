namespace O2C.Grains.Interfaces.Orders;

/// <summary>
/// What became of an order. <see cref="Conflict"/> means the id was used before with other content;
/// <see cref="IdTaken"/> that the order id is stored already, for an order this customer does not
/// remember (another customer's, or one from before this activation): the caller looks it up.
/// </summary>
[GenerateSerializer, Immutable, Alias("o2c.order-result")]
public sealed record OrderResult([Id(0)] string OrderId, [Id(1)] OrderStatus Status, [Id(2)] string? InvoiceId, [Id(3)] string? Reason, [Id(4)] bool Conflict = false, [Id(5)] bool IdTaken = false)
{
    public static OrderResult Taken(string orderId) => new(orderId, OrderStatus.Rejected, null, $"order {orderId} is stored already", IdTaken: true);

    public static OrderResult ConflictWith(string orderId, string reason) => new(orderId, OrderStatus.Rejected, null, reason, Conflict: true);
}
