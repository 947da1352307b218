using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Orders;

namespace O2C.Grains.Interfaces.Invoices;

/// <summary>Issue an invoice for an order. <paramref name="LadderProfile"/> decides the pre-due reminder.</summary>
public sealed record IssueInvoice(
    string CustomerId,
    string OrderId,
    DateOnly IssueDate,
    DateOnly DueDate,
    string Currency,
    IReadOnlyList<OrderLine> Lines,
    RiskProfile LadderProfile);
