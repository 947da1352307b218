using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Invoices;
using O2C.Grains.Interfaces.Orders;
using O2C.Grains.Interfaces.Payments;
using O2C.Tests.Support;

namespace O2C.Grains.Tests.Flow;

/// <summary>The grains in the real silo, driven through their interfaces with the manual clock.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class DunningFlowTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Each_risk_profile_walks_its_own_ladder_on_the_right_days_in_its_language()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        await Customer(cluster, "low", "nl", creditScore: 90);
        await Customer(cluster, "high", "de", creditScore: 10, Channel.Email, Channel.Sms, Channel.Letter);
        Assert.Equal(OrderStatus.Invoiced, (await Order(cluster, "low", "o-low", 1000m)).Status);
        Assert.Equal(OrderStatus.Invoiced, (await Order(cluster, "high", "o-high", 1000m)).Status);

        await cluster.AdvanceToDayAsync(90);

        // Due date is day 30 (payment term 30 days from day 0).
        Assert.Equal(
            [("Reminder", 37, "Email"), ("SecondReminder", 51, "Email"), ("FinalNotice", 65, "Email"), ("Collection", 80, "Email")],
            await Messages(cluster, "low"));
        Assert.Equal(
            [("PreDueReminder", 25, "Email"), ("Reminder", 31, "Email"), ("Reminder", 31, "Sms"), ("SecondReminder", 37, "Email"), ("SecondReminder", 37, "Sms"),
             ("FinalNotice", 44, "Email"), ("FinalNotice", 44, "Letter"), ("Collection", 51, "Email"), ("Collection", 51, "Letter")],
            await Messages(cluster, "high"));
        Assert.All(await Languages(cluster, "low"), l => Assert.Equal("nl", l));
        Assert.All(await Languages(cluster, "high"), l => Assert.Equal("de", l));
        Assert.Equal("InCollection", await Scalar(cluster, "SELECT status FROM invoices WHERE customer_id = 'high'"));
    }

    [Fact]
    public async Task A_payment_on_day_ten_after_the_due_date_stops_everything_after_it()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        await Customer(cluster, "payer", "en", creditScore: 50);
        var order = await Order(cluster, "payer", "o-pay", 500m);
        await cluster.AdvanceToDayAsync(40);

        var payment = await cluster.Grains.GetGrain<IPaymentGrain>("p1").Receive(
            new ReceivePayment("p1", 605m, "EUR", TestCluster.Epoch.AddDays(40), order.InvoiceId, null, null, null));
        await cluster.AdvanceToDayAsync(120);

        Assert.Equal(PaymentStatus.Matched, payment.Status);
        Assert.Equal([("PreDueReminder", 27, "Email"), ("Reminder", 33, "Email")], await Messages(cluster, "payer"));
        Assert.Equal("Closed", await Scalar(cluster, "SELECT status FROM cases WHERE customer_id = 'payer'"));
        Assert.Equal(InvoiceStatus.Paid, (await cluster.Grains.GetGrain<IInvoiceGrain>(order.InvoiceId!).Get())!.Status);
    }

    private static Task<CustomerSnapshot> Customer(TestCluster cluster, string id, string language, int? creditScore, params Channel[] channels) =>
        cluster.Grains.GetGrain<ICustomerGrain>(id).Upsert(new CustomerProfile(
            $"Customer {id}", $"{id}@example.com", "+31600000000", language, "EUR", "NL", 30, 100_000m, creditScore,
            channels.Length == 0 ? [Channel.Email] : channels));

    private static Task<OrderResult> Order(TestCluster cluster, string customerId, string orderId, decimal net) =>
        cluster.Grains.GetGrain<ICustomerGrain>(customerId).PlaceOrder(new PlaceOrder(
            orderId, customerId, DateOnly.FromDateTime(TestCluster.Epoch.UtcDateTime), "EUR",
            [new OrderLine("SKU-1", "Widget", 1, net, 0.21m, null)]));

    private static async Task<List<(string Stage, int Day, string Channel)>> Messages(TestCluster cluster, string customerId)
    {
        await using var command = cluster.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT stage, created_at, channel FROM messages WHERE customer_id = $1 ORDER BY created_at, channel");
        command.Parameters.Add(new NpgsqlParameter { Value = customerId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, int, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), (reader.GetFieldValue<DateTimeOffset>(1) - TestCluster.Epoch.Date).Days, reader.GetString(2)));
        }

        return rows;
    }

    private static async Task<List<string>> Languages(TestCluster cluster, string customerId)
    {
        await using var command = cluster.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT language FROM messages WHERE customer_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = customerId });
        await using var reader = await command.ExecuteReaderAsync();
        var languages = new List<string>();
        while (await reader.ReadAsync())
        {
            languages.Add(reader.GetString(0));
        }

        Assert.NotEmpty(languages);
        return languages;
    }

    private static async Task<string?> Scalar(TestCluster cluster, string sql) =>
        (await cluster.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql).ExecuteScalarAsync())?.ToString();
}
