namespace O2C.Grains.Invoicing;

/// <summary>Invoice ids derive from order ids, so re-issuing an order can only ever reach the same invoice.</summary>
public static class InvoiceIds
{
    public static string ForOrder(string orderId) => $"INV-{orderId}";
}
