using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Orders;
using O2C.Grains.Interfaces.Payments;
using O2C.Tests.Support;
using Orleans;

namespace O2C.Dashboard.Tests.Support;

/// <summary>Drives the grains as the API would, and reads the query tables to compare with the dashboard.</summary>
public static class Drive
{
    public static IGrainFactory Grains(IServiceProvider services) => services.GetRequiredService<IGrainFactory>();

    /// <summary>A customer with a 14-day term: due on day 14, overdue (and in a case) from day 15.</summary>
    public static Task<CustomerSnapshot> Customer(IGrainFactory grains, string id, string language, string currency, int creditScore) =>
        grains.GetGrain<ICustomerGrain>(id).Upsert(new CustomerProfile(
            $"Customer {id}", $"{id}@example.com", "+31600000000", language, currency, "NL", 14, 1_000_000m, creditScore, [Channel.Email]));

    /// <summary>An order of one line: <paramref name="net"/> plus 21% VAT, dated day 0.</summary>
    public static async Task<string> Order(IGrainFactory grains, string customerId, string orderId, string currency, decimal net = 100m)
    {
        var result = await grains.GetGrain<ICustomerGrain>(customerId).PlaceOrder(new PlaceOrder(
            orderId, customerId, DateOnly.FromDateTime(TestCluster.Epoch.UtcDateTime), currency,
            [new OrderLine("SKU-1", "Widget", 1, net, 0.21m, null)]));
        Assert.True(result.Status == OrderStatus.Invoiced, $"order {orderId} of {customerId}: {result.Status} {result.Reason}");
        return result.InvoiceId!;
    }

    public static Task<PaymentResult> Pay(IGrainFactory grains, string paymentId, string invoiceId, decimal amount, string currency, int day) =>
        grains.GetGrain<IPaymentGrain>(paymentId).Receive(
            new ReceivePayment(paymentId, amount, currency, TestCluster.Epoch.AddDays(day), invoiceId, null, null, null));

    /// <summary>A scalar count; <paramref name="parameters"/> are $1, $2, ...</summary>
    public static async Task<long> Count(IServiceProvider services, string sql, params object[] parameters)
    {
        await using var command = Command(services, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A statement; <paramref name="parameters"/> are $1, $2, ...</summary>
    public static async Task Execute(IServiceProvider services, string sql, params object[] parameters)
    {
        await using var command = Command(services, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlCommand Command(IServiceProvider services, string sql, object[] parameters)
    {
        var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
