using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Invoices;
using O2C.Grains.Interfaces.Orders;
using O2C.Grains.Interfaces.Payments;

namespace O2C.Cluster.Tests;

/// <summary>
/// Order-to-cash flows through three silos on Orleans' stock providers, each call made through a
/// different silo than the one before, with the shared Manual clock moved by the <c>ClockDriver</c>.
/// Each test counts business days from the clock at its start (earlier tests moved it on).
/// </summary>
[Collection(StockProvidersCluster.Collection)]
public sealed class GrainFlowTests(StockProvidersCluster cluster)
{
    [Fact]
    public async Task An_order_placed_on_one_silo_becomes_an_invoice_that_every_silo_reads_from_the_stock_storage()
    {
        var start = cluster.Clock.GetUtcNow();
        var silos = cluster.SiloGrains;
        await silos[0].GetGrain<ICustomerGrain>("flow-invoice").Upsert(Business.Customer("flow-invoice", creditScore: 60));

        var order = await silos[1].GetGrain<ICustomerGrain>("flow-invoice").PlaceOrder(Business.Order("flow-invoice", "fi-1", 100m, start));

        Assert.Equal(OrderStatus.Invoiced, order.Status);
        Assert.NotNull(order.InvoiceId);
        var expected = new InvoiceSummary(order.InvoiceId, "flow-invoice", "EUR", DateOnly.FromDateTime(start.UtcDateTime),
            DateOnly.FromDateTime(start.UtcDateTime).AddDays(30), 121.00m, 0m, 121.00m, InvoiceStatus.Open, "");
        foreach (var grains in silos.Append(cluster.Cluster.Client))
        {
            var invoice = await grains.GetGrain<IInvoiceGrain>(order.InvoiceId).Get();
            Assert.Equal(expected, invoice! with { PaymentReference = "" });
        }

        Assert.Equal(121.00m, (await silos[2].GetGrain<ICustomerGrain>("flow-invoice").GetSnapshot())!.OpenExposure);
        Assert.Equal("Invoiced", await cluster.ScalarAsync("SELECT status FROM orders WHERE order_id = 'fi-1'"));
        Assert.Equal("Open 121.00", await cluster.ScalarAsync("SELECT status || ' ' || total FROM invoices WHERE invoice_id = $1", order.InvoiceId));
        // The stock provider holds the state (customer and invoice), ours none.
        Assert.Equal("2", await cluster.ScalarAsync(
            "SELECT count(*) FROM orleansstorage WHERE serviceid = $1 AND grainidextensionstring IN ('flow-invoice', $2) AND graintypestring IN ('customer', 'invoice')",
            cluster.ServiceId, order.InvoiceId));
        Assert.Equal("0", await cluster.ScalarAsync("SELECT count(*) FROM grain_state"));
    }

    [Fact]
    public async Task The_pre_due_and_due_date_reminders_fire_on_their_business_days_and_hand_over_to_each_other()
    {
        var start = cluster.Clock.GetUtcNow();
        var silos = cluster.SiloGrains;
        await silos[0].GetGrain<ICustomerGrain>("flow-watched").Upsert(Business.Customer("flow-watched", creditScore: 10)); // High risk
        var order = await silos[1].GetGrain<ICustomerGrain>("flow-watched").PlaceOrder(Business.Order("flow-watched", "fw-1", 100m, start));
        var invoiceId = order.InvoiceId!;
        var reminder = "SELECT string_agg(remindername || '@' || (starttime::date - $3::date), ',') FROM orleansreminderstable WHERE serviceid = $1 AND grainid = 'invoice/' || $2";

        // High ladder, due on day 30: a pre-due reminder five days before, the due-date check the day after.
        Assert.Equal("pre-due@25", await cluster.ScalarAsync(reminder, cluster.ServiceId, invoiceId, start.UtcDateTime));
        await cluster.AdvanceToDayAsync(start, 24);
        Assert.Empty(await cluster.MessagesAsync("flow-watched", start));

        await cluster.AdvanceToDayAsync(start, 25);
        Assert.Equal([("PreDueReminder", 25)], await cluster.MessagesAsync("flow-watched", start));
        Assert.Equal("due-date@31", await cluster.ScalarAsync(reminder, cluster.ServiceId, invoiceId, start.UtcDateTime));

        await cluster.AdvanceToDayAsync(start, 30);
        Assert.Equal([("PreDueReminder", 25)], await cluster.MessagesAsync("flow-watched", start));
        Assert.Equal(InvoiceStatus.Open, (await silos[2].GetGrain<IInvoiceGrain>(invoiceId).Get())!.Status);

        await cluster.AdvanceToDayAsync(start, 31);
        Assert.Equal([("PreDueReminder", 25), ("Reminder", 31)], await cluster.MessagesAsync("flow-watched", start));
        Assert.Equal(InvoiceStatus.Overdue, (await silos[2].GetGrain<IInvoiceGrain>(invoiceId).Get())!.Status);
        Assert.Null(await cluster.ScalarAsync(reminder, cluster.ServiceId, invoiceId, start.UtcDateTime));
        Assert.Equal("Open Reminder", await cluster.ScalarAsync("SELECT status || ' ' || stage FROM cases WHERE customer_id = 'flow-watched'"));
    }

    [Fact]
    public async Task A_payment_closes_the_case_and_nothing_is_sent_after_it()
    {
        var start = cluster.Clock.GetUtcNow();
        var silos = cluster.SiloGrains;
        await silos[2].GetGrain<ICustomerGrain>("flow-payer").Upsert(Business.Customer("flow-payer", creditScore: 50)); // Medium risk
        var order = await silos[0].GetGrain<ICustomerGrain>("flow-payer").PlaceOrder(Business.Order("flow-payer", "fp-1", 500m, start));
        await cluster.AdvanceToDayAsync(start, 40);
        var caseId = (await silos[1].GetGrain<ICustomerGrain>("flow-payer").GetSnapshot())!.OpenCaseId;
        Assert.NotNull(caseId);
        Assert.Equal("Open", await cluster.ScalarAsync("SELECT status FROM cases WHERE case_id = $1", caseId));
        var caseReminders = "SELECT count(*) FROM orleansreminderstable WHERE serviceid = $1 AND grainid = 'case/' || $2";
        Assert.Equal("1", await cluster.ScalarAsync(caseReminders, cluster.ServiceId, caseId)); // the next step, day 44

        var payment = await silos[1].GetGrain<IPaymentGrain>("fp-pay").Receive(
            new ReceivePayment("fp-pay", 605m, "EUR", cluster.Clock.GetUtcNow(), order.InvoiceId, null, null, null));
        await cluster.AdvanceToDayAsync(start, 120);

        Assert.Equal(PaymentStatus.Matched, payment.Status);
        Assert.Equal(0m, payment.Unallocated);
        Assert.Equal("Closed", await cluster.ScalarAsync("SELECT status FROM cases WHERE case_id = $1", caseId));
        Assert.Equal(InvoiceStatus.Paid, (await silos[2].GetGrain<IInvoiceGrain>(order.InvoiceId!).Get())!.Status);
        var customer = (await silos[0].GetGrain<ICustomerGrain>("flow-payer").GetSnapshot())!;
        Assert.Equal(0m, customer.OpenExposure);
        Assert.Null(customer.OpenCaseId);
        // Medium ladder, due day 30: pre-due on day 27, first reminder on day 33; the payment on day 40 stopped the second (day 44).
        Assert.Equal([("PreDueReminder", 27), ("Reminder", 33)], await cluster.MessagesAsync("flow-payer", start));
        Assert.Equal("0", await cluster.ScalarAsync(caseReminders, cluster.ServiceId, caseId));
        Assert.Equal("0", await cluster.ScalarAsync(
            "SELECT count(*) FROM orleansreminderstable WHERE serviceid = $1 AND grainid = 'invoice/' || $2", cluster.ServiceId, order.InvoiceId!));
    }
}
