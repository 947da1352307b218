using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Orders;

namespace O2C.Cluster.Tests;

/// <summary>Customers and orders the tests place, dated on the business clock.</summary>
internal static class Business
{
    public static CustomerProfile Customer(string id, int creditScore) =>
        new($"Customer {id}", $"{id}@example.com", null, "en", "EUR", "NL", 30, 100_000m, creditScore, [Channel.Email]);

    public static PlaceOrder Order(string customerId, string orderId, decimal net, DateTimeOffset on) =>
        new(orderId, customerId, DateOnly.FromDateTime(on.UtcDateTime), "EUR", [new OrderLine("SKU-1", "Widget", 1, net, 0.21m, null)]);
}
