using System.Net;
using O2C.Tests.Support;

namespace O2C.Api.Tests;

/// <summary>Every field of every body, malformed: a 400 problem that names the field, and nothing stored.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class ValidationTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string GoodLine = """{"sku":"S","description":"W","quantity":1,"unitPrice":10,"vatRate":0.21}""";
    private const string GoodOrder = """{"orderId":"v-1","customerId":"val","orderDate":"2026-01-05","currency":"EUR","lines":[LINE]}""";
    private const string GoodCustomer = """{"name":"N","email":"a@b.nl","phone":"+31","language":"en","currency":"EUR","country":"NL","paymentTermDays":30,"creditLimit":100,"creditScore":50,"preferredChannels":["email"]}""";
    private const string GoodPayment = """{"paymentId":"p-1","amount":10,"currency":"EUR","receivedAt":"2026-01-05T10:00:00Z","invoiceId":"INV-1","reference":"RF","customerId":"val","payerName":"X"}""";

    private TestCluster? _cluster;

    public static TheoryData<string, string, string, string> BadInputs() => new()
    {
        // method, path, body, field the problem must name
        { "PUT", "/v1/customers/val", Replace(GoodCustomer, "\"name\":\"N\"", "\"name\":\"\""), "name" },
        { "PUT", "/v1/customers/val", Replace(GoodCustomer, "\"name\":\"N\"", "\"name\":7"), "name" },
        { "PUT", "/v1/customers/val", Replace(GoodCustomer, "a@b.nl", "not-an-address"), "email" },
        { "PUT", "/v1/customers/val", Replace(GoodCustomer, "\"phone\":\"+31\"", "\"phone\":" + new string('1', 40).Quote()), "phone" },
        { "PUT", "/v1/customers/val", Replace(GoodCustomer, "\"language\":\"en\"", "\"language\":\"es\""), "language" },
        { "PUT", "/v1/customers/val", Replace(GoodCustomer, "\"currency\":\"EUR\"", "\"currency\":\"euro\""), "currency" },
        { "PUT", "/v1/customers/val", Replace(GoodCustomer, "\"country\":\"NL\"", "\"country\":\"NLD\""), "country" },
        { "PUT", "/v1/customers/val", Replace(GoodCustomer, "\"paymentTermDays\":30", "\"paymentTermDays\":-1"), "paymentTermDays" },
        { "PUT", "/v1/customers/val", Replace(GoodCustomer, "\"paymentTermDays\":30", "\"paymentTermDays\":1.5"), "paymentTermDays" },
        { "PUT", "/v1/customers/val", Replace(GoodCustomer, "\"creditLimit\":100", "\"creditLimit\":-5"), "creditLimit" },
        { "PUT", "/v1/customers/val", Replace(GoodCustomer, "\"creditLimit\":100", "\"creditLimit\":\"lots\""), "creditLimit" },
        { "PUT", "/v1/customers/val", Replace(GoodCustomer, "\"creditScore\":50", "\"creditScore\":101"), "creditScore" },
        { "PUT", "/v1/customers/val", Replace(GoodCustomer, "[\"email\"]", "[\"fax\"]"), "preferredChannels[0]" },
        { "PUT", "/v1/customers/val", Replace(GoodCustomer, "[\"email\"]", "\"email\""), "preferredChannels" },
        { "PUT", "/v1/customers/bad%20id", GoodCustomer, "customerId" },
        { "PUT", "/v1/customers/val", "[]", "body" },
        { "PUT", "/v1/customers/val", "{\"name\":", "body" },
        { "POST", "/v1/orders", Replace(Order(), "\"orderId\":\"v-1\"", "\"orderId\":\"v 1\""), "orderId" },
        { "POST", "/v1/orders", Replace(Order(), "\"orderId\":\"v-1\",", ""), "orderId" },
        { "POST", "/v1/orders", Replace(Order(), "\"customerId\":\"val\"", "\"customerId\":null"), "customerId" },
        { "POST", "/v1/orders", Replace(Order(), "2026-01-05", "05-01-2026"), "orderDate" },
        { "POST", "/v1/orders", Replace(Order(), "\"currency\":\"EUR\"", "\"currency\":\"US\""), "currency" },
        { "POST", "/v1/orders", Replace(Order(), "[" + GoodLine + "]", "[]"), "lines" },
        { "POST", "/v1/orders", Replace(Order(), "[" + GoodLine + "]", "{}"), "lines" },
        { "POST", "/v1/orders", Order(Replace(GoodLine, "\"sku\":\"S\"", "\"sku\":\"\"")), "lines[0].sku" },
        { "POST", "/v1/orders", Order(Replace(GoodLine, "\"quantity\":1", "\"quantity\":0")), "lines[0].quantity" },
        { "POST", "/v1/orders", Order(Replace(GoodLine, "\"quantity\":1", "\"quantity\":\"abc\"")), "lines[0].quantity" },
        { "POST", "/v1/orders", Order(Replace(GoodLine, "\"unitPrice\":10", "\"unitPrice\":-1")), "lines[0].unitPrice" },
        { "POST", "/v1/orders", Order(Replace(GoodLine, "\"unitPrice\":10", "\"unitPrice\":1.234567")), "lines[0].unitPrice" },
        { "POST", "/v1/orders", Order(Replace(GoodLine, "\"vatRate\":0.21", "\"vatRate\":21")), "lines[0].vatRate" },
        { "POST", "/v1/orders", Order(Replace(GoodLine, "\"vatRate\":0.21", "\"vatRate\":0.21,\"discountPercent\":150")), "lines[0].discountPercent" },
        { "POST", "/v1/orders", Order("7"), "lines[0]" },
        { "POST", "/v1/orders/batch", "{\"orders\":[]}", "orders" },
        { "POST", "/v1/orders/batch", "{\"orders\":" + "[" + string.Join(",", Enumerable.Repeat("{}", 1001)) + "]}", "orders" },
        { "POST", "/v1/payments", Replace(GoodPayment, "\"paymentId\":\"p-1\"", "\"paymentId\":\"\""), "paymentId" },
        { "POST", "/v1/payments", Replace(GoodPayment, "\"amount\":10", "\"amount\":0"), "amount" },
        { "POST", "/v1/payments", Replace(GoodPayment, "\"amount\":10", "\"amount\":10.001"), "amount" },
        { "POST", "/v1/payments", Replace(GoodPayment, "\"currency\":\"EUR\"", "\"currency\":1"), "currency" },
        { "POST", "/v1/payments", Replace(GoodPayment, "2026-01-05T10:00:00Z", "2026-01-05 10:00"), "receivedAt" },
        { "POST", "/v1/payments", Replace(GoodPayment, "2026-01-05T10:00:00Z", "2026-01-05T10:00:00"), "receivedAt" },
        { "POST", "/v1/payments", Replace(GoodPayment, "\"invoiceId\":\"INV-1\"", "\"invoiceId\":\"INV 1\""), "invoiceId" },
        { "POST", "/v1/payments", Replace(GoodPayment, "\"reference\":\"RF\"", "\"reference\":" + new string('R', 70).Quote()), "reference" },
        { "POST", "/v1/payments", Replace(GoodPayment, "\"customerId\":\"val\"", "\"customerId\":\"a/b\""), "customerId" },
        { "POST", "/v1/payments", Replace(GoodPayment, "\"payerName\":\"X\"", "\"payerName\":[]"), "payerName" },
        { "POST", "/v1/cases/any/notes", "{\"text\":\"\"}", "text" },
        { "POST", "/v1/cases/any/promise", "{\"amount\":-1,\"date\":\"2026-02-01\"}", "amount" },
        { "POST", "/v1/cases/any/promise", "{\"amount\":10,\"date\":\"tomorrow\"}", "date" },
        { "POST", "/v1/cases/any/promise", "{\"amount\":10,\"date\":\"2025-01-01\"}", "date" },
        { "POST", "/v1/cases/any/dispute", "{\"reason\":\"r\"}", "invoiceId" },
        { "POST", "/v1/cases/any/resolve-dispute", "{\"invoiceId\":\"INV-1\"}", "reason" },
        { "POST", "/v1/clock/advance", "{}", "body" },
        { "POST", "/v1/clock/advance", "{\"days\":1,\"hours\":2}", "body" },
        { "POST", "/v1/clock/advance", "{\"days\":-1}", "days" },
        { "POST", "/v1/clock/advance", "{\"to\":\"2020-01-01T00:00:00Z\"}", "to" },
        { "GET", "/v1/invoices?status=Late", "", "status" },
        { "GET", "/v1/cases?stage=Nagging", "", "stage" },
        { "GET", "/v1/cases?riskProfile=Extreme", "", "riskProfile" },
        { "GET", "/v1/payments?status=Lost", "", "status" },
        { "GET", "/v1/messages?pageSize=0", "", "pageSize" },
    };

    [Fact]
    public async Task Malformed_input_gives_a_400_naming_the_field()
    {
        // One silo for the whole table: every case is tried and every miss reported at once.
        var api = new ApiDriver(_cluster!);
        var misses = new List<string>();
        foreach (var row in BadInputs())
        {
            var (method, path, body, field) = ((string)row[0], (string)row[1], (string)row[2], (string)row[3]);
            var (status, problem) = await api.SendAsync(new HttpMethod(method), path, method == "GET" ? null : body);
            if (status != HttpStatusCode.BadRequest || problem?["errors"]?.AsObject().ContainsKey(field) != true)
            {
                misses.Add($"{method} {path} {body[..Math.Min(body.Length, 120)]} -> {(int)status} {problem?.ToJsonString()[..Math.Min(problem.ToJsonString().Length, 200)]} (expected 400 naming '{field}')");
            }
        }

        Assert.True(misses.Count == 0, string.Join(Environment.NewLine, misses));
        Assert.True(BadInputs().Count > 50);
    }

    [Fact]
    public async Task Nothing_of_a_rejected_request_is_stored()
    {
        var api = new ApiDriver(_cluster!);
        await api.PostAsync("/v1/orders", Order(Replace(GoodLine, "\"quantity\":1", "\"quantity\":-3")));
        await api.PostAsync("/v1/payments", Replace(GoodPayment, "\"amount\":10", "\"amount\":-10"));

        var (orderStatus, _) = await api.SendAsync(HttpMethod.Get, "/v1/orders/v-1");
        var (paymentStatus, _) = await api.SendAsync(HttpMethod.Get, "/v1/payments/p-1");
        Assert.Equal(HttpStatusCode.NotFound, orderStatus);
        Assert.Equal(HttpStatusCode.NotFound, paymentStatus);
        Assert.Equal(0m, (await api.GetAsync("/v1/customers/val"))["openExposure"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task An_order_in_another_currency_than_the_customers_names_the_currency_and_an_unknown_customer_is_a_404()
    {
        var api = new ApiDriver(_cluster!);
        var (status, problem) = await api.PostAsync("/v1/orders", Replace(Order(), "\"currency\":\"EUR\"", "\"currency\":\"USD\""));
        var (unknownStatus, unknown) = await api.PostAsync("/v1/orders", Replace(Order(), "\"customerId\":\"val\"", "\"customerId\":\"ghost\""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem!["errors"]!.AsObject().ContainsKey("currency"));
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.Contains("ghost", unknown!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync(postgres);
        await new ApiDriver(_cluster).CustomerAsync("val", "en", 50);
    }

    public async Task DisposeAsync() => await _cluster!.DisposeAsync();

    private static string Order(string line = GoodLine) => GoodOrder.Replace("LINE", line, StringComparison.Ordinal);

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }
}
