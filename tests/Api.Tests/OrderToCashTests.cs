using System.Net;
using Microsoft.Extensions.DependencyInjection;
using O2C.Tests.Support;

namespace O2C.Api.Tests;

/// <summary>The order-to-cash flow end to end over HTTP, on the real pipeline and a real PostgreSQL, with the manual clock.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class OrderToCashTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Low_and_high_risk_customers_get_their_own_ladders_on_the_right_days_in_their_languages()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("low", "nl", creditScore: 90);
        await api.CustomerAsync("high", "de", creditScore: 10, channels: ["email", "sms", "letter"]);
        await api.OrderAsync("o-low", "low", 1000m);
        await api.OrderAsync("o-high", "high", 1000m);

        await api.AdvanceToDayAsync(90);

        // Issued day 0 with 30 days to pay: due day 30, overdue from day 31.
        Assert.Equal(
            [("Reminder", 37, "Email"), ("SecondReminder", 51, "Email"), ("FinalNotice", 65, "Email"), ("Collection", 80, "Email")],
            await api.MessagesAsync("low"));
        Assert.Equal(
            [("PreDueReminder", 25, "Email"), ("Reminder", 31, "Email"), ("Reminder", 31, "Sms"), ("SecondReminder", 37, "Email"), ("SecondReminder", 37, "Sms"),
             ("FinalNotice", 44, "Email"), ("FinalNotice", 44, "Letter"), ("Collection", 51, "Email"), ("Collection", 51, "Letter")],
            await api.MessagesAsync("high"));

        var lowMessages = (await api.GetAsync("/v1/messages?customerId=low"))["items"]!.AsArray();
        Assert.All(lowMessages, m => Assert.Equal("nl", m!["language"]!.GetValue<string>()));
        Assert.Contains("RF", lowMessages[0]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
        var highMessages = (await api.GetAsync("/v1/messages?customerId=high"))["items"]!.AsArray();
        Assert.All(highMessages, m => Assert.Equal("de", m!["language"]!.GetValue<string>()));
        Assert.Equal("InCollection", (await api.GetAsync("/v1/invoices/INV-o-high"))["status"]!.GetValue<string>());
        var highCase = await api.GetAsync("/v1/cases?customerId=high");
        Assert.Equal("InCollection", highCase["items"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("Collection", highCase["items"]![0]!["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_payment_ten_days_after_the_due_date_stops_every_message_after_it()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("payer", "en", creditScore: 50);
        var order = await api.OrderAsync("o-pay", "payer", 500m);
        await api.AdvanceToDayAsync(40);

        var (status, payment) = await api.PostAsync("/v1/payments", new
        {
            paymentId = "pay-1", amount = 605m, currency = "EUR", receivedAt = TestCluster.Epoch.AddDays(40).ToString("O"),
            reference = (await api.GetAsync($"/v1/invoices/{order["invoiceId"]}"))["paymentReference"]!.GetValue<string>(),
        });
        await api.AdvanceToDayAsync(120);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Matched", payment!["status"]!.GetValue<string>());
        Assert.Equal("Reference", payment["matchedBy"]!.GetValue<string>());
        Assert.Equal([("PreDueReminder", 27, "Email"), ("Reminder", 33, "Email")], await api.MessagesAsync("payer"));
        var payerCase = (await api.GetAsync("/v1/cases?customerId=payer"))["items"]![0]!;
        Assert.Equal("Closed", payerCase["status"]!.GetValue<string>());
        Assert.Equal("Paid", (await api.GetAsync($"/v1/invoices/{order["invoiceId"]}"))["status"]!.GetValue<string>());
        var timeline = (await api.GetAsync($"/v1/cases/{payerCase["caseId"]}"))["timeline"]!.AsArray().Select(t => t!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["CaseOpened", "InvoiceJoined", "Reminder", "StageSent", "InvoicePaid", "CaseClosed"], timeline);
    }

    [Fact]
    public async Task A_promise_to_pay_pauses_the_ladder_and_resumes_it_when_broken()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("promiser", "en", creditScore: 90);
        await api.OrderAsync("o-promise", "promiser", 100m);
        await api.AdvanceToDayAsync(38);
        var caseId = (await api.GetAsync("/v1/customers/promiser"))["openCaseId"]!.GetValue<string>();

        var (status, paused) = await api.PostAsync($"/v1/cases/{caseId}/promise", new { amount = 121m, date = "2026-03-06" }); // day 60
        await api.AdvanceToDayAsync(60);
        var messagesDuringPause = await api.MessagesAsync("promiser");
        await api.AdvanceToDayAsync(61);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Paused", paused!["status"]!.GetValue<string>());
        Assert.Equal([("Reminder", 37, "Email")], messagesDuringPause);
        Assert.Equal([("Reminder", 37, "Email"), ("SecondReminder", 61, "Email")], await api.MessagesAsync("promiser"));
        var customer = await api.GetAsync("/v1/customers/promiser");
        Assert.Contains(customer["timeline"]!.AsArray(), t => t!["kind"]!.GetValue<string>() == "PromiseBroken");
    }

    [Fact]
    public async Task A_disputed_invoice_is_not_chased_until_the_dispute_is_resolved()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("disputer", "en", creditScore: 90);
        var order = await api.OrderAsync("o-dispute", "disputer", 100m);
        await api.AdvanceToDayAsync(38);
        var caseId = (await api.GetAsync("/v1/customers/disputer"))["openCaseId"]!.GetValue<string>();

        var (status, _) = await api.PostAsync($"/v1/cases/{caseId}/dispute", new { invoiceId = order["invoiceId"]!.GetValue<string>(), reason = "goods damaged" });
        await api.AdvanceToDayAsync(70);
        var whileDisputed = await api.MessagesAsync("disputer");
        var invoiceWhileDisputed = await api.GetAsync($"/v1/invoices/{order["invoiceId"]}");
        await api.PostAsync($"/v1/cases/{caseId}/resolve-dispute", new { invoiceId = order["invoiceId"]!.GetValue<string>(), reason = "credit note refused" });
        await api.AdvanceToDayAsync(70); // the step that became due goes out on the next reminder tick

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([("Reminder", 37, "Email")], whileDisputed);
        Assert.Equal("Disputed", invoiceWhileDisputed["status"]!.GetValue<string>());
        Assert.Equal([("Reminder", 37, "Email"), ("SecondReminder", 70, "Email")], await api.MessagesAsync("disputer"));
    }

    [Fact]
    public async Task An_order_past_the_credit_limit_is_held_and_released()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("tight", "en", creditScore: 60, creditLimit: 1000m);

        var first = await api.OrderAsync("t-1", "tight", 500m);
        var held = await api.OrderAsync("t-2", "tight", 500m);
        var (releaseStatus, released) = await api.PostAsync("/v1/orders/t-2/release");
        var (againStatus, _) = await api.PostAsync("/v1/orders/t-2/release");
        var (unknownStatus, _) = await api.PostAsync("/v1/orders/nope/release");

        Assert.Equal("Invoiced", first["status"]!.GetValue<string>());
        Assert.Equal("OnHold", held["status"]!.GetValue<string>());
        Assert.Contains("past the credit limit 1,000.00", held["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, releaseStatus);
        Assert.Equal("INV-t-2", released!["invoiceId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, againStatus);
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.Equal(1210.00m, (await api.GetAsync("/v1/customers/tight"))["openExposure"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Repeated_orders_and_payments_get_the_first_result_and_changed_content_is_a_conflict()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("repeat", "en", creditScore: 60);
        await api.CustomerAsync("other", "en", creditScore: 60);
        await api.OrderAsync("r-1", "repeat", 100m);

        var (repeatStatus, repeat) = await api.PostAsync("/v1/orders", ApiDriver.Order("r-1", "repeat", 100m));
        var (changedStatus, changed) = await api.PostAsync("/v1/orders", ApiDriver.Order("r-1", "repeat", 999m));
        var (otherStatus, _) = await api.PostAsync("/v1/orders", ApiDriver.Order("r-1", "other", 100m));
        var payment = new { paymentId = "rp-1", amount = 50m, currency = "EUR", receivedAt = "2026-01-06T10:00:00Z", invoiceId = "INV-r-1" };
        var (paidStatus, _) = await api.PostAsync("/v1/payments", payment);
        var (paidAgainStatus, paidAgain) = await api.PostAsync("/v1/payments", payment);
        var (paidOtherStatus, _) = await api.PostAsync("/v1/payments", payment with { amount = 60m });

        // A fresh activation of the customer no longer remembers r-1: the orders table still does.
        await cluster.CollectAllActivationsAsync();
        var (laterStatus, later) = await api.PostAsync("/v1/orders", ApiDriver.Order("r-1", "repeat", 100m));
        var (laterChangedStatus, _) = await api.PostAsync("/v1/orders", ApiDriver.Order("r-1", "repeat", 999m));

        Assert.Equal(HttpStatusCode.OK, repeatStatus);
        Assert.True(repeat!["duplicate"]!.GetValue<bool>());
        Assert.Equal("INV-r-1", repeat["invoiceId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, changedStatus);
        Assert.Contains("different content", changed!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, otherStatus);
        Assert.Equal(HttpStatusCode.Created, paidStatus);
        Assert.Equal(HttpStatusCode.OK, paidAgainStatus);
        Assert.Equal("Matched", paidAgain!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, paidOtherStatus);
        Assert.Equal(HttpStatusCode.OK, laterStatus);
        Assert.True(later!["duplicate"]!.GetValue<bool>());
        Assert.Equal("INV-r-1", later["invoiceId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, laterChangedStatus);
        Assert.Equal(71.00m, (await api.GetAsync("/v1/invoices/INV-r-1"))["outstanding"]!.GetValue<decimal>());
        Assert.Equal(1, (await api.GetAsync("/v1/invoices?customerId=repeat"))["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_batch_reports_each_order_and_a_bad_order_never_sinks_the_good_ones()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var api = new ApiDriver(cluster);
        await api.CustomerAsync("bulk", "en", creditScore: 60, creditLimit: 1000m);
        await api.OrderAsync("b-0", "bulk", 10m);

        var (status, body) = await api.PostAsync("/v1/orders/batch", new
        {
            orders = new object[]
            {
                ApiDriver.Order("b-1", "bulk", 100m),
                ApiDriver.Order("b-0", "bulk", 10m),
                new { orderId = "b-2", customerId = "bulk", orderDate = "not a date", currency = "EUR", lines = Array.Empty<object>() },
                ApiDriver.Order("b-3", "nobody", 100m),
                ApiDriver.Order("b-4", "bulk", 1000m),
            },
        });

        Assert.Equal(HttpStatusCode.OK, status);
        var results = body!["results"]!.AsArray();
        Assert.Equal(["Invoiced", "Duplicate", "Rejected", "Rejected", "OnHold"], results.Select(r => r!["status"]!.GetValue<string>()));
        Assert.Equal(["orders[2].orderDate", "orders[2].lines"], results[2]!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal("orders[3].customerId", Assert.Single(results[3]!["errors"]!.AsObject()).Key);
        Assert.Equal(1, body["invoiced"]!.GetValue<int>());
        Assert.Equal(2, body["rejected"]!.GetValue<int>());
    }
}
