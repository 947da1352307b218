namespace O2C.Grains.Invoicing;

/// <summary>The priced lines of an invoice and their sums.</summary>
public sealed record InvoiceTotals(IReadOnlyList<PricedLine> Lines, decimal Net, decimal Vat, decimal Gross);
