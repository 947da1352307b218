using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Orders;

namespace O2C.Grains.Interfaces.Invoices;

/// <summary>Issue an invoice for an order. <paramref name="LadderProfile"/> decides the pre-due reminder.</summary>
[GenerateSerializer, Immutable, Alias("o2c.issue-invoice")]
public sealed record IssueInvoice(
    [Id(0)] string CustomerId,
    [Id(1)] string OrderId,
    [Id(2)] DateOnly IssueDate,
    [Id(3)] DateOnly DueDate,
    [Id(4)] string Currency,
    [Id(5)] IReadOnlyList<OrderLine> Lines,
    [Id(6)] RiskProfile LadderProfile);
