using O2C.Grains.Customers;

namespace O2C.Grains.Tests.Customers;

public sealed class CustomerExposureTests
{
    [Fact]
    public void The_total_follows_each_invoice_balance_and_a_repeated_balance_changes_nothing()
    {
        var exposure = new CustomerExposure([new("INV-1", 605m), new("INV-2", 100m), new("INV-0", 0m)]);
        Assert.Equal(705m, exposure.Total);
        Assert.Equal(2, exposure.OpenInvoices);

        exposure.Set("INV-1", 405m);
        exposure.Set("INV-1", 405m);
        Assert.Equal(505m, exposure.Total);

        exposure.Set("INV-2", 0m);
        exposure.Set("INV-2", 0m);
        exposure.Set("INV-3", 50m);
        Assert.Equal(455m, exposure.Total);
        Assert.Equal(2, exposure.OpenInvoices);
    }
}
