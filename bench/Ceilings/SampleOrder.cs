using O2C.Grains.Interfaces.Orders;

namespace O2C.Bench.Ceilings;

/// <summary>The order every scenario sends: three lines, one with a discount, 21% VAT.</summary>
public static class SampleOrder
{
    public static IReadOnlyList<OrderLine> Lines(string seed) =>
    [
        new OrderLine($"SKU-{seed}-1", "Widget, large", 3, 19.95m, 0.21m, null),
        new OrderLine($"SKU-{seed}-2", "Service hours", 2, 85.00m, 0.21m, 5m),
        new OrderLine("SKU-SHIP", "Shipping", 1, 12.50m, 0.21m, null),
    ];
}
