using O2C.Grains.Interfaces.Orders;

namespace O2C.Grains.Invoicing;

/// <summary>An order line with its rounded net and VAT amounts.</summary>
public sealed record PricedLine(OrderLine Line, decimal Net, decimal Vat)
{
    public decimal Gross => Net + Vat;
}
