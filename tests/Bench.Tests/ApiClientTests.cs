using System.Net;
using System.Text;
using O2C.Bench.Api;
using O2C.Bench.Load;

namespace O2C.Bench.Tests;

public sealed class ApiClientTests
{
    [Fact]
    public async Task A_route_the_silo_does_not_map_is_reported_as_not_available()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("") };
        var error = await Assert.ThrowsAsync<EndpointNotAvailableException>(() => O2CApiClient.EnsureSuccessAsync(response, "POST /v1/orders/batch", default));
        Assert.Equal("POST /v1/orders/batch", error.Endpoint);
    }

    [Fact]
    public async Task A_problem_from_a_mapped_route_is_an_ordinary_failure()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("""{"title":"customer not found"}""", Encoding.UTF8, "application/problem+json"),
        };
        await Assert.ThrowsAsync<HttpRequestException>(() => O2CApiClient.EnsureSuccessAsync(response, "PUT /v1/customers/{id}", default));
    }

    [Fact]
    public async Task Batch_results_are_counted_by_status()
    {
        using var http = new HttpClient(new StubHandler("""{"results":[{"orderId":"a","status":"Invoiced"},{"orderId":"b","status":"OnHold"}]}"""))
        {
            BaseAddress = new Uri("http://silo"),
        };
        var outcomes = new OrderOutcomes();
        var orders = new List<OrderRequest> { OrderRequest.Sample("a", "c", new DateOnly(2026, 1, 5)), OrderRequest.Sample("b", "c", new DateOnly(2026, 1, 5)) };

        await new O2CApiClient(http).PlaceBatchAsync(orders, outcomes, default);

        Assert.Equal(1, outcomes.Count("Invoiced"));
        Assert.Equal(1, outcomes.NotInvoiced());
    }

    private sealed class StubHandler(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
