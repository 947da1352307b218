using O2C.Api.Validation;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Orders;

namespace O2C.Api.Orders;

/// <summary>
/// Takes validated orders to their customers' grains, after the checks only the tables can make:
/// an order id seen before (same content: the first result again; other content: a conflict)
/// and a customer that must exist and bill in the order's currency.
/// </summary>
public sealed class OrderIntake(IGrainFactory grains, OrderLookup lookup)
{
    /// <summary>
    /// One order straight to its customer's grain, which knows the customer's currency and its
    /// recent orders; an order id taken earlier fails the insert of the orders row. The tables are
    /// read only when the grain turns the order away, to say exactly why.
    /// </summary>
    public async Task<(OrderView View, OrderOutcomeKind Kind)> PlaceAsync(PlaceOrder order, CancellationToken cancellationToken)
    {
        var placed = await CallGrainAsync(order, cancellationToken);
        if (placed.Kind != OrderOutcomeKind.Invalid)
        {
            return placed;
        }

        var (stored, currencies) = await lookup.BothAsync([order.OrderId], [order.CustomerId], cancellationToken);
        return await PlaceAsync(order, stored.GetValueOrDefault(order.OrderId), currencies, cancellationToken);
    }

    public async Task<(OrderView View, OrderOutcomeKind Kind)> PlaceAsync(
        PlaceOrder order, StoredOrder? stored, IReadOnlyDictionary<string, string> customerCurrencies, CancellationToken cancellationToken)
    {
        if (stored is not null)
        {
            return Repeat(order, stored);
        }

        if (!customerCurrencies.TryGetValue(order.CustomerId, out var currency))
        {
            return Invalid(order, OrderOutcomeKind.UnknownCustomer, "customerId", $"customer {order.CustomerId} does not exist; create it with PUT /v1/customers/{order.CustomerId}");
        }

        if (!string.Equals(currency, order.Currency, StringComparison.Ordinal))
        {
            return Invalid(order, OrderOutcomeKind.Invalid, "currency", $"must be the customer's currency {currency}");
        }

        return await CallGrainAsync(order, cancellationToken);
    }

    private async Task<(OrderView View, OrderOutcomeKind Kind)> CallGrainAsync(PlaceOrder order, CancellationToken cancellationToken)
    {
        var result = await grains.GetGrain<ICustomerGrain>(order.CustomerId).PlaceOrder(order);
        if (result.IdTaken)
        {
            // Another request took this order id first (another customer's, or before the customer's
            // activation started): answer as a repeat of what is stored.
            var first = (await lookup.OrdersAsync([order.OrderId], cancellationToken)).GetValueOrDefault(order.OrderId)
                ?? throw new InvalidOperationException($"Order {order.OrderId} was refused as stored already but is not stored.");
            return Repeat(order, first);
        }

        return result switch
        {
            { Conflict: true } => (new OrderView(order.OrderId, order.CustomerId, OrderStatus.Rejected, null, result.Reason), OrderOutcomeKind.Conflict),
            { Status: OrderStatus.Duplicate } => (new OrderView(order.OrderId, order.CustomerId, OrderStatus.Duplicate, result.InvoiceId, result.Reason, Duplicate: true), OrderOutcomeKind.Repeated),
            { Status: OrderStatus.Rejected } => Invalid(order, OrderOutcomeKind.Invalid, "order", result.Reason ?? "rejected"),
            _ => (new OrderView(order.OrderId, order.CustomerId, result.Status, result.InvoiceId, result.Reason), OrderOutcomeKind.Created),
        };
    }

    private static (OrderView, OrderOutcomeKind) Repeat(PlaceOrder order, StoredOrder stored) =>
        stored.CustomerId == order.CustomerId && stored.ContentHash == OrderContentHash.Compute(order)
            ? (new OrderView(order.OrderId, stored.CustomerId, Enum.Parse<OrderStatus>(stored.Status), stored.InvoiceId, stored.Reason, Duplicate: true), OrderOutcomeKind.Repeated)
            : (new OrderView(order.OrderId, order.CustomerId, OrderStatus.Rejected, null, $"order {order.OrderId} was already received with different content"), OrderOutcomeKind.Conflict);

    private static (OrderView, OrderOutcomeKind) Invalid(PlaceOrder order, OrderOutcomeKind kind, string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return (new OrderView(order.OrderId, order.CustomerId, OrderStatus.Rejected, null, message, Errors: errors.ToDictionary()), kind);
    }
}
