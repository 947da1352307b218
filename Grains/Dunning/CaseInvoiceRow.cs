using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Dunning;

/// <summary>An invoice of a case as its committed query row says.</summary>
public sealed record CaseInvoiceRow(string CustomerId, CaseInvoiceUpdate Invoice);
