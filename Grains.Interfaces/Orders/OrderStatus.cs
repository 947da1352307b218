namespace O2C.Grains.Interfaces.Orders;

[GenerateSerializer, Alias("o2c.order-status")]
public enum OrderStatus
{
    Invoiced,
    OnHold,
    /// <summary>The same order (same id, same content) arrived again; the first result stands.</summary>
    Duplicate,
    Rejected,
}
