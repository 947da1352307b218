using O2C.Grains.Interfaces.Orders;
using O2C.Grains.Invoicing;

namespace O2C.Grains.Tests.Invoicing;

public sealed class InvoicePricingTests
{
    [Fact]
    public void LineNetAndVatAreRoundedPerLine()
    {
        var priced = InvoicePricing.PriceLine(new OrderLine("A", "Widget", 3m, 3.335m, 0.21m, null));

        Assert.Equal(10.01m, priced.Net); // 10.005 rounds away from zero
        Assert.Equal(2.10m, priced.Vat); // 2.1021
        Assert.Equal(12.11m, priced.Gross);
    }

    [Fact]
    public void DiscountIsAPercentageOffTheLine()
    {
        var priced = InvoicePricing.PriceLine(new OrderLine("A", "Widget", 10m, 100m, 0.21m, 5m));

        Assert.Equal(950.00m, priced.Net);
        Assert.Equal(199.50m, priced.Vat);
    }

    [Fact]
    public void MidpointsRoundAwayFromZero()
    {
        var priced = InvoicePricing.PriceLine(new OrderLine("A", "Half cent", 1m, 0.125m, 0.10m, null));

        Assert.Equal(0.13m, priced.Net);
        Assert.Equal(0.01m, priced.Vat); // 0.013
    }

    [Fact]
    public void TotalsAreSumsOfRoundedLines()
    {
        var totals = InvoicePricing.Price(
        [
            new OrderLine("A", "Widget", 2m, 500m, 0.21m, null),
            new OrderLine("B", "Book", 1m, 10m, 0.09m, 10m),
            new OrderLine("C", "Export", 1m, 100m, 0m, null),
        ]);

        Assert.Equal(3, totals.Lines.Count);
        Assert.Equal(1109.00m, totals.Net);
        Assert.Equal(210.81m, totals.Vat);
        Assert.Equal(1319.81m, totals.Gross);
    }

    [Fact]
    public void NoLinesPriceToZero()
    {
        var totals = InvoicePricing.Price([]);

        Assert.Equal(0m, totals.Gross);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void DiscountOutsideZeroToHundredIsRefused(int discount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            InvoicePricing.PriceLine(new OrderLine("A", "Widget", 1m, 1m, 0.21m, discount)));
    }
}
