using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Invoices;
using O2C.Grains.Interfaces.Orders;
using O2C.Tests.Support;

namespace O2C.Silo.Tests.Hosting;

[Collection(PostgresFixture.Collection)]
public sealed class LegacyReminderImportTests(PostgresFixture postgres)
{
    private const string InvoiceReminder = "SELECT remindername || '@' || to_char(starttime AT TIME ZONE 'UTC', 'MM-DD') || '#' || grainhash || '/' || period "
        + "FROM orleansreminderstable WHERE grainid = 'invoice/INV-o-upgraded'";

    [Fact]
    public async Task Reminders_left_by_the_retired_runtime_move_to_Orleans_at_start_and_still_fire()
    {
        var database = await postgres.CreateDatabaseAsync();
        string? registeredByOrleans;
        await using (var before = TestCluster.StartOn(database))
        {
            await before.Grains.GetGrain<ICustomerGrain>("upgraded").Upsert(new CustomerProfile(
                "Customer upgraded", "upgraded@example.com", null, "en", "EUR", "NL", 30, 100_000m, 50, [Channel.Email]));
            await before.Grains.GetGrain<ICustomerGrain>("upgraded").PlaceOrder(new PlaceOrder(
                "o-upgraded", "upgraded", DateOnly.FromDateTime(TestCluster.Epoch.UtcDateTime), "EUR", [new OrderLine("SKU-1", "Widget", 1, 100m, 0.21m, null)]));
            registeredByOrleans = await Scalar(before, InvoiceReminder);

            // What a database of the in-house runtime held: the reminder in its own table, one-shot (no period).
            await Scalar(before, """
                INSERT INTO reminders (grain_type, grain_key, name, first_due_at, due_at, period_ms, etag)
                SELECT 'invoice', substr(grainid, 9), remindername, starttime, starttime, NULL, 1 FROM orleansreminderstable WHERE grainid LIKE 'invoice/%';
                DELETE FROM orleansreminderstable WHERE grainid LIKE 'invoice/%'
                """);
        }

        await using var cluster = TestCluster.StartOn(database);

        // Medium ladder, due day 30: the pre-due reminder on day 27, as Orleans itself had registered it.
        Assert.Equal("pre-due@02-01#", registeredByOrleans![..14]);
        Assert.Equal(registeredByOrleans, await Scalar(cluster, InvoiceReminder));
        Assert.Equal("0", await Scalar(cluster, "SELECT count(*)::text FROM reminders"));
        await cluster.AdvanceToDayAsync(31);
        Assert.Equal("PreDueReminder", await Scalar(cluster, "SELECT string_agg(stage, ',') FROM messages WHERE customer_id = 'upgraded'"));
        Assert.Equal(InvoiceStatus.Overdue, (await cluster.Grains.GetGrain<IInvoiceGrain>("INV-o-upgraded").Get())!.Status);
    }

    private static async Task<string?> Scalar(TestCluster cluster, string sql) =>
        (await cluster.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql).ExecuteScalarAsync())?.ToString();
}
