namespace O2C.Grains.Interfaces.Orders;

/// <summary>One line of an order.</summary>
/// <param name="VatRate">A fraction: 0.21 means 21% VAT.</param>
/// <param name="DiscountPercent">A percentage: 5 means 5% off the line; null means no discount.</param>
[GenerateSerializer, Immutable, Alias("o2c.order-line")]
public sealed record OrderLine(
    [Id(0)] string Sku,
    [Id(1)] string Description,
    [Id(2)] decimal Quantity,
    [Id(3)] decimal UnitPrice,
    [Id(4)] decimal VatRate,
    [Id(5)] decimal? DiscountPercent);
