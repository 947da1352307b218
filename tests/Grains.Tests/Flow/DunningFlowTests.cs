using System.Text.Json;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Invoices;
using O2C.Grains.Interfaces.Orders;
using O2C.Grains.Interfaces.Payments;
using O2C.Silo.Hosting;
using O2C.Storage;
using O2C.Tests.Support;

namespace O2C.Grains.Tests.Flow;

/// <summary>
/// The grains in the real silo, driven through their interfaces with the manual clock, on the grain
/// storage provider (<c>O2C:Storage:Provider</c>) and reminder delivery (<c>O2C:Reminders:Delivery</c>)
/// a derived class names. Orleans' reminder service runs on the stock AdoNet reminder table.
/// </summary>
public abstract class DunningFlowTests(PostgresFixture postgres, GrainStorageProvider provider, ReminderDelivery delivery)
{
    protected PostgresFixture Postgres => postgres;

    private Task<TestCluster> StartAsync() =>
        TestCluster.StartAsync(postgres, new Dictionary<string, string?>
        {
            ["O2C:Storage:Provider"] = provider.ToString(),
            ["O2C:Reminders:Delivery"] = delivery.ToString(),
            ["O2C:Reminders:Table"] = nameof(ReminderTableProvider.AdoNet),
        });

    [Fact]
    public async Task Each_risk_profile_walks_its_own_ladder_on_the_right_days_in_its_language()
    {
        await using var cluster = await StartAsync();
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
    public async Task One_reminder_at_a_time_watches_an_invoice_and_a_disputed_one_still_falls_due()
    {
        await using var cluster = await StartAsync();
        await Customer(cluster, "watched", "en", creditScore: 50);
        var kept = await Order(cluster, "watched", "o-kept", 100m);
        var disputed = await Order(cluster, "watched", "o-disputed", 100m);
        // Orleans' reminder table: the grain id is "invoice/<key>".
        var reminders = "SELECT string_agg(substr(grainid, 9) || ':' || remindername || '@' || to_char(starttime AT TIME ZONE 'UTC', 'MM-DD'), ',' ORDER BY grainid) "
            + "FROM orleansreminderstable WHERE grainid LIKE 'invoice/%'";

        // Medium ladder, due day 30: only the pre-due reminder (day 27) is stored after issue.
        Assert.Equal($"{disputed.InvoiceId}:pre-due@02-01,{kept.InvoiceId}:pre-due@02-01", await Scalar(cluster, reminders));
        await cluster.Grains.GetGrain<IInvoiceGrain>(disputed.InvoiceId!).Dispute("goods damaged");

        // Day 27: the pre-due reminder went out (not for the disputed one) and handed over to the due-date check (day 31).
        await cluster.AdvanceToDayAsync(27);
        Assert.Equal($"{disputed.InvoiceId}:due-date@02-05,{kept.InvoiceId}:due-date@02-05", await Scalar(cluster, reminders));
        Assert.Equal([("PreDueReminder", 27, "Email")], await Messages(cluster, "watched"));

        await cluster.AdvanceToDayAsync(31);
        Assert.Equal("0", await Scalar(cluster, "SELECT count(*)::text FROM orleansreminderstable WHERE grainid LIKE 'invoice/%'"));
        Assert.Equal("Disputed,Overdue", await Scalar(cluster, $"SELECT string_agg(status, ',' ORDER BY invoice_id) FROM invoices WHERE customer_id = 'watched'"));
        Assert.Equal("2", await Scalar(cluster, "SELECT count(*)::text FROM grain_events WHERE kind = 'InvoiceOverdue'"));
    }

    [Fact]
    public async Task A_payment_on_day_ten_after_the_due_date_stops_everything_after_it()
    {
        await using var cluster = await StartAsync();
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

    [Fact]
    public async Task A_promise_to_pay_pauses_the_ladder_and_a_broken_promise_resumes_it_at_once()
    {
        await using var cluster = await StartAsync();
        await Customer(cluster, "promiser", "en", creditScore: 90);
        await Order(cluster, "promiser", "o-promise", 100m);
        await cluster.AdvanceToDayAsync(38); // reminder went out on day 37
        var caseId = await Scalar(cluster, "SELECT case_id FROM cases WHERE customer_id = 'promiser'");

        var promise = await cluster.Grains.GetGrain<Interfaces.Dunning.IDunningCaseGrain>(caseId!).PromiseToPay(121m, DateOnly.FromDateTime(TestCluster.Epoch.AddDays(60).UtcDateTime));
        await cluster.AdvanceToDayAsync(60);
        Assert.True(promise.Accepted);
        Assert.Equal("Paused", await Scalar(cluster, $"SELECT status FROM cases WHERE case_id = '{caseId}'"));
        Assert.Equal([("Reminder", 37, "Email")], await Messages(cluster, "promiser"));

        // Day 61: the promise is broken; the second reminder (due day 51) goes out at once.
        await cluster.AdvanceToDayAsync(61);
        Assert.Equal([("Reminder", 37, "Email"), ("SecondReminder", 61, "Email")], await Messages(cluster, "promiser"));
        Assert.Equal("1", await Scalar(cluster, $"SELECT count(*) FROM grain_events WHERE grain_key = '{caseId}' AND kind = 'PromiseBroken'"));
        Assert.Equal("1", await Scalar(cluster, "SELECT count(*) FROM grain_events WHERE grain_key = 'promiser' AND kind = 'PromiseBroken'"));
    }

    [Fact]
    public async Task A_disputed_invoice_is_not_chased_until_the_dispute_is_resolved()
    {
        await using var cluster = await StartAsync();
        await Customer(cluster, "disputer", "en", creditScore: 90);
        var order = await Order(cluster, "disputer", "o-dispute", 100m);
        await cluster.AdvanceToDayAsync(38);
        var invoice = cluster.Grains.GetGrain<IInvoiceGrain>(order.InvoiceId!);

        await invoice.Dispute("goods damaged");
        await cluster.AdvanceToDayAsync(70);
        Assert.Equal([("Reminder", 37, "Email")], await Messages(cluster, "disputer"));
        Assert.Equal(InvoiceStatus.Disputed, (await invoice.Get())!.Status);

        await invoice.ResolveDispute("credit note refused");
        await cluster.AdvanceToDayAsync(70); // the step that became due goes out on the next reminder tick
        Assert.Equal([("Reminder", 37, "Email"), ("SecondReminder", 70, "Email")], await Messages(cluster, "disputer"));
    }

    [Fact]
    public async Task An_order_past_the_credit_limit_is_held_until_released()
    {
        await using var cluster = await StartAsync();
        await CustomerWithLimitOf1000(cluster, "tight");

        var first = await Order(cluster, "tight", "o-1", 500m);   // 605.00 gross
        var second = await Order(cluster, "tight", "o-2", 500m);  // would make 1,210.00
        var released = await cluster.Grains.GetGrain<ICustomerGrain>("tight").ReleaseOrder("o-2");
        var again = await cluster.Grains.GetGrain<ICustomerGrain>("tight").ReleaseOrder("o-2");

        Assert.Equal(OrderStatus.Invoiced, first.Status);
        Assert.Equal(OrderStatus.OnHold, second.Status);
        Assert.Contains("past the credit limit 1,000.00", second.Reason);
        Assert.Equal(OrderStatus.Invoiced, released.Status);
        Assert.Equal(OrderStatus.Rejected, again.Status);
        Assert.Equal("1210.00", await Scalar(cluster, "SELECT open_exposure FROM customers WHERE customer_id = 'tight'"));
        Assert.Equal("Invoiced", await Scalar(cluster, "SELECT status FROM orders WHERE order_id = 'o-2'"));
    }

    [Fact]
    public async Task A_customer_activated_again_counts_its_open_invoices_from_their_rows()
    {
        await using var cluster = await StartAsync();
        await CustomerWithLimitOf1000(cluster, "later");
        var first = await Order(cluster, "later", "l-1", 500m);   // 605.00 gross
        await cluster.Grains.GetGrain<IInvoiceGrain>(first.InvoiceId!).ApplyPayment(new ApplyPayment("lp-1", 200m, TestCluster.Epoch.AddDays(1)));

        await cluster.CollectAllActivationsAsync();
        var snapshot = await cluster.Grains.GetGrain<ICustomerGrain>("later").GetSnapshot();
        var second = await Order(cluster, "later", "l-2", 500m);  // 405.00 still open + 605.00 > 1,000.00

        Assert.Equal(405.00m, snapshot!.OpenExposure);
        Assert.Equal(OrderStatus.OnHold, second.Status);
        Assert.Equal("405.00", await Scalar(cluster, "SELECT open_exposure FROM customers WHERE customer_id = 'later'"));
        using var state = await StoredState(cluster, "customer", "later");
        Assert.Equal(JsonValueKind.Object, state.RootElement.ValueKind);
        var stored = state.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(stored, name => name.Equals("profile", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(stored, name => name.Equals("openInvoices", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Repeated_orders_and_payments_return_the_first_result_and_changed_content_conflicts()
    {
        await using var cluster = await StartAsync();
        await Customer(cluster, "repeat", "en", creditScore: 60);
        var first = await Order(cluster, "repeat", "o-r", 100m);
        var repeat = await Order(cluster, "repeat", "o-r", 100m);
        var changed = await Order(cluster, "repeat", "o-r", 999m);
        var pay = new ReceivePayment("p-r", 50m, "EUR", TestCluster.Epoch.AddDays(1), first.InvoiceId, null, null, null);
        var paid = await cluster.Grains.GetGrain<IPaymentGrain>("p-r").Receive(pay);
        var paidAgain = await cluster.Grains.GetGrain<IPaymentGrain>("p-r").Receive(pay);
        var paidOther = await cluster.Grains.GetGrain<IPaymentGrain>("p-r").Receive(pay with { Amount = 60m });

        Assert.Equal(OrderStatus.Duplicate, repeat.Status);
        Assert.Equal(first.InvoiceId, repeat.InvoiceId);
        Assert.True(changed.Conflict);
        Assert.Equal(PaymentStatus.Matched, paid.Status);
        Assert.True(paidAgain.Duplicate);
        Assert.True(paidOther.Conflict);
        Assert.Equal(71m, (await cluster.Grains.GetGrain<IInvoiceGrain>(first.InvoiceId!).Get())!.Outstanding);
        Assert.Equal("1", await Scalar(cluster, "SELECT count(*) FROM invoices WHERE customer_id = 'repeat'"));
    }

    [Fact]
    public async Task A_payment_nobody_can_match_is_kept_as_unmatched()
    {
        await using var cluster = await StartAsync();
        var result = await cluster.Grains.GetGrain<IPaymentGrain>("p-x").Receive(
            new ReceivePayment("p-x", 12.34m, "EUR", TestCluster.Epoch, null, "RF00 NOTHING", null, "Someone"));

        Assert.Equal(PaymentStatus.Unmatched, result.Status);
        Assert.Equal(12.34m, result.Unallocated);
        Assert.Equal("Unmatched", await Scalar(cluster, "SELECT status FROM payments WHERE payment_id = 'p-x'"));
    }

    [Fact]
    public async Task Invoices_falling_due_together_get_one_message_per_step_that_lists_them_all_and_a_late_joiner_starts_at_the_first_reminder()
    {
        await using var cluster = await StartAsync();
        await Customer(cluster, "many", "en", creditScore: 90);
        var orders = new List<OrderResult>();
        foreach (var id in new[] { "m-1", "m-2", "m-3" })
        {
            orders.Add(await Order(cluster, "many", id, 100m));
        }

        await cluster.AdvanceToDayAsync(40);
        await cluster.Grains.GetGrain<ICustomerGrain>("many").Upsert(new CustomerProfile(
            "Customer many", "many@example.com", null, "en", "EUR", "NL", 30, 100_000m, 90, [Channel.Email]));
        var late = await Order(cluster, "many", "m-4", 50m); // issued day 40, due day 70
        await cluster.AdvanceToDayAsync(80);

        // Low ladder: reminder +7 (day 37), second +21 (day 51), final +35 (day 65), collection +50 (day 80) for m-1..3;
        // m-4 falls due on day 70, is reminded on day 77 (in the tone of the final notice the others are at) and is not handed over.
        Assert.Equal(
            [("Reminder", 37, "Email"), ("SecondReminder", 51, "Email"), ("FinalNotice", 65, "Email"), ("FinalNotice", 77, "Email"), ("Collection", 80, "Email")],
            await Messages(cluster, "many"));
        var first = await Scalar(cluster, "SELECT body FROM messages WHERE customer_id = 'many' ORDER BY created_at LIMIT 1");
        Assert.All(orders, o => Assert.Contains(o.InvoiceId!, first, StringComparison.Ordinal));
        Assert.Equal("Reminder", await Scalar(cluster, $"SELECT dunning_level FROM invoices WHERE invoice_id = '{late.InvoiceId}'"));
        Assert.Equal("Collection", await Scalar(cluster, $"SELECT dunning_level FROM invoices WHERE invoice_id = '{orders[0].InvoiceId}'"));
        Assert.Equal("InCollection", await Scalar(cluster, $"SELECT status FROM invoices WHERE invoice_id = '{orders[0].InvoiceId}'"));
        Assert.Equal("Overdue", await Scalar(cluster, $"SELECT status FROM invoices WHERE invoice_id = '{late.InvoiceId}'"));
        Assert.Equal("Open", await Scalar(cluster, "SELECT status FROM cases WHERE customer_id = 'many'"));
    }

    protected static Task<CustomerSnapshot> Customer(TestCluster cluster, string id, string language, int? creditScore, params Channel[] channels) =>
        cluster.Grains.GetGrain<ICustomerGrain>(id).Upsert(new CustomerProfile(
            $"Customer {id}", $"{id}@example.com", "+31600000000", language, "EUR", "NL", 30, 100_000m, creditScore,
            channels.Length == 0 ? [Channel.Email] : channels));

    private static Task<CustomerSnapshot> CustomerWithLimitOf1000(TestCluster cluster, string id) =>
        cluster.Grains.GetGrain<ICustomerGrain>(id).Upsert(new CustomerProfile(
            $"Customer {id}", $"{id}@example.com", null, "en", "EUR", "NL", 14, 1000m, 60, [Channel.Email]));

    protected static Task<OrderResult> Order(TestCluster cluster, string customerId, string orderId, decimal net) =>
        cluster.Grains.GetGrain<ICustomerGrain>(customerId).PlaceOrder(new PlaceOrder(
            orderId, customerId, DateOnly.FromDateTime(TestCluster.Epoch.UtcDateTime), "EUR",
            [new OrderLine("SKU-1", "Widget", 1, net, 0.21m, null)]));

    protected static async Task<List<(string Stage, int Day, string Channel)>> Messages(TestCluster cluster, string customerId)
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

    /// <summary>
    /// The grain's state as the provider in use stored it: ours in <c>grain_state</c> (jsonb), the
    /// stock AdoNet provider in <c>orleansstorage</c> (JSON bytes, System.Text.Json).
    /// </summary>
    private async Task<JsonDocument> StoredState(TestCluster cluster, string grainType, string key)
    {
        await using var command = cluster.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(provider == GrainStorageProvider.O2C
            ? "SELECT state::text FROM grain_state WHERE grain_type = $1 AND grain_key = $2"
            : "SELECT convert_from(payloadbinary, 'UTF8') FROM orleansstorage WHERE graintypestring = $1 AND grainidextensionstring = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = grainType });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        var json = await command.ExecuteScalarAsync() as string;
        Assert.NotNull(json);
        return JsonDocument.Parse(json);
    }

    protected static async Task<string?> Scalar(TestCluster cluster, string sql) =>
        (await cluster.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql).ExecuteScalarAsync())?.ToString();
}
