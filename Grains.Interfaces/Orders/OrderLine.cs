namespace O2C.Grains.Interfaces.Orders;

/// <summary>One line of an order.</summary>
/// <param name="VatRate">A fraction: 0.21 means 21% VAT.</param>
/// <param name="DiscountPercent">A percentage: 5 means 5% off the line; null means no discount.</param>
public sealed record OrderLine(
    string Sku,
    string Description,
    decimal Quantity,
    decimal UnitPrice,
    decimal VatRate,
    decimal? DiscountPercent);
