using System.Net;
using System.Text.Json.Nodes;
using O2C.Tests.Support;

namespace O2C.Api.Tests.Collections;

/// <summary>The steps the collections tests share: a customer in a country, an invoice, its case, its messages by stage.</summary>
public sealed class CollectionsDriver(ApiDriver api)
{
    private static readonly string[] EmailOnly = ["email"];

    public ApiDriver Api => api;

    /// <summary>A customer (by default Low risk: score 90) in <paramref name="country"/> writing in <paramref name="language"/>, paying at 30 days unless told.</summary>
    public async Task CustomerAsync(string id, string country, string language, int creditScore = 90, int paymentTermDays = 30)
    {
        var (status, body) = await api.PutAsync($"/v1/customers/{id}", new
        {
            name = $"Customer {id}", email = $"{id}@example.com", phone = "+31600000000", language, currency = "EUR", country,
            paymentTermDays, creditLimit = 1_000_000m, creditScore, preferredChannels = EmailOnly,
        });
        Assert.True(status == HttpStatusCode.OK, $"PUT customer {id} gave {(int)status}: {body}");
    }

    /// <summary>An order of one line at <paramref name="net"/> plus 21% VAT on day 0; returns the invoice id (due on day 30).</summary>
    public async Task<string> InvoiceAsync(string orderId, string customerId, decimal net) =>
        (await api.OrderAsync(orderId, customerId, net))["invoiceId"]!.GetValue<string>();

    public async Task<string> CaseIdAsync(string customerId) =>
        (await api.GetAsync($"/v1/customers/{customerId}"))["openCaseId"]!.GetValue<string>();

    /// <summary>The e-mail body sent at <paramref name="stage"/>, or a failure naming the stages that were sent.</summary>
    public async Task<string> BodyAtAsync(string customerId, string stage)
    {
        var messages = (await api.GetAsync($"/v1/messages?customerId={customerId}&pageSize=500"))["items"]!.AsArray();
        var found = messages.FirstOrDefault(m => m!["stage"]!.GetValue<string>() == stage && m["channel"]!.GetValue<string>() == "Email");
        Assert.True(found is not null, $"no {stage} e-mail to {customerId}; sent: {string.Join(", ", messages.Select(m => m!["stage"]))}");
        return found!["body"]!.GetValue<string>();
    }

    public async Task<JsonObject> InterestAsync(string invoiceId)
    {
        var invoice = await api.GetAsync($"/v1/invoices/{invoiceId}");
        Assert.True(invoice["interest"] is JsonObject, $"invoice {invoiceId} shows no interest: {invoice}");
        return invoice["interest"]!.AsObject();
    }

    /// <summary>Pays <paramref name="amount"/> on the invoice today (the payment's id says which).</summary>
    public async Task<JsonNode> PayAsync(string paymentId, string invoiceId, decimal amount, int day)
    {
        var (status, body) = await api.PostAsync("/v1/payments", new { paymentId, amount, currency = "EUR", receivedAt = Day(day).ToString("O"), invoiceId });
        Assert.True(status == HttpStatusCode.Created || status == HttpStatusCode.OK, $"payment {paymentId} gave {(int)status}: {body}");
        return body!;
    }

    /// <summary>The kinds of the case's timeline events, in order.</summary>
    public async Task<List<string>> TimelineAsync(string caseId) =>
        (await api.GetAsync($"/v1/cases/{caseId}"))["timeline"]!.AsArray()
            .Where(t => t!["type"]!.GetValue<string>() == "event").Select(t => t!["kind"]!.GetValue<string>()).ToList();

    public Task AdvanceToDayAsync(int day) => api.AdvanceToDayAsync(day);

    public static DateTimeOffset Day(int day) => TestCluster.Epoch.AddDays(day);
}
