namespace O2C.Grains.Interfaces.Orders;

/// <summary>What became of an order. <see cref="Conflict"/> means the id was used before with other content.</summary>
public sealed record OrderResult(string OrderId, OrderStatus Status, string? InvoiceId, string? Reason, bool Conflict = false)
{
    public static OrderResult ConflictWith(string orderId, string reason) => new(orderId, OrderStatus.Rejected, null, reason, Conflict: true);
}
