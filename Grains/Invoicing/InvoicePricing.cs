using O2C.Grains.Interfaces.Orders;

namespace O2C.Grains.Invoicing;

/// <summary>
/// Prices order lines. Rounding happens per line (net, then VAT on the rounded net) so that
/// the printed lines always add up to the printed totals.
/// </summary>
public static class InvoicePricing
{
    public static PricedLine PriceLine(OrderLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var discount = line.DiscountPercent ?? 0m;
        if (discount is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(line), discount, $"Discount on {line.Sku} must be between 0 and 100 percent.");
        }

        if (line.VatRate < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(line), line.VatRate, $"VAT rate on {line.Sku} cannot be negative.");
        }

        var net = Round(line.Quantity * line.UnitPrice * (1m - (discount / 100m)));
        var vat = Round(net * line.VatRate);
        return new PricedLine(line, net, vat);
    }

    public static InvoiceTotals Price(IEnumerable<OrderLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var priced = lines.Select(PriceLine).ToList();
        var net = priced.Sum(l => l.Net);
        var vat = priced.Sum(l => l.Vat);
        return new InvoiceTotals(priced, net, vat, net + vat);
    }

    private static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
