using O2C.Grains.Interfaces.Orders;

namespace O2C.Api.Orders;

/// <summary>What became of one order, as every order endpoint reports it.</summary>
public sealed record OrderView(
    string OrderId,
    string? CustomerId,
    OrderStatus Status,
    string? InvoiceId,
    string? Reason,
    bool Duplicate = false,
    IReadOnlyDictionary<string, string[]>? Errors = null);
