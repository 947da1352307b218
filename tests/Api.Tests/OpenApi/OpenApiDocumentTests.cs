using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using O2C.Tests.Support;

namespace O2C.Api.Tests.OpenApi;

/// <summary>
/// <c>/openapi/v1.json</c> is the contract: every endpoint of ours is in it with an operation id, a
/// success code, schemas for the bodies it reads, the key it needs, and the answers every endpoint can
/// give; and the codes real calls get are the documented ones.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed partial class OpenApiDocumentTests(PostgresFixture postgres)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private static readonly string[] OpenAnswers = ["503"];
    private static readonly string[] KeyedAnswers = ["401", "403", "429", "503"];
    private static readonly string[] BodyAnswers = ["400", "413", "415"];

    [Fact]
    public async Task Every_operation_has_an_id_a_success_code_its_schemas_and_its_problem_answers()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var document = await DocumentAsync(cluster);
        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("header", scheme["in"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", scheme["name"]!.GetValue<string>());

        var misses = new List<string>();
        var ids = new HashSet<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            var id = operation["operationId"]?.GetValue<string>();
            if (string.IsNullOrEmpty(id) || !ids.Add(id))
            {
                misses.Add($"{name}: operation id '{id}' missing or used twice");
            }

            var codes = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
            if (!codes.Any(c => c.StartsWith('2')))
            {
                misses.Add($"{name}: no success code ({string.Join(", ", codes)})");
            }

            var open = operation["security"] is JsonArray { Count: 0 };
            foreach (var needed in (open ? OpenAnswers : KeyedAnswers).Where(c => !codes.Contains(c)))
            {
                misses.Add($"{name}: no {needed}");
            }

            if (operation["requestBody"] is { } body)
            {
                if (body["content"]!.AsObject().Any(c => c.Value!["schema"] is null))
                {
                    misses.Add($"{name}: a request body without a schema");
                }

                misses.AddRange(BodyAnswers.Where(c => !codes.Contains(c)).Select(c => $"{name}: reads a body but has no {c}"));
            }
            else if (method is "put" || (method is "post" && !path.EndsWith("/escalate", StringComparison.Ordinal) && !path.EndsWith("/release", StringComparison.Ordinal) && !path.EndsWith("/acknowledge", StringComparison.Ordinal) && !path.Contains("session", StringComparison.Ordinal)))
            {
                misses.Add($"{name}: reads a body but documents none");
            }
        }

        // Every endpoint of ours is in the document (the pages and the Orleans Dashboard are not API).
        var documented = Operations(document).Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").ToHashSet();
        foreach (var endpoint in cluster.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                     .Where(e => e.RoutePattern.RawText!.StartsWith("/v1/", StringComparison.Ordinal)))
        {
            var path = Constraint().Replace(endpoint.RoutePattern.RawText!, "{$1}").TrimEnd('/');
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (!documented.Contains($"{method} {path}") && !documented.Contains($"{method} {path}/"))
                {
                    misses.Add($"{method} {path} is mapped but not in the document");
                }
            }
        }

        Assert.True(misses.Count == 0, string.Join(Environment.NewLine, misses));
    }

    [Fact]
    public async Task The_codes_real_calls_get_are_the_documented_ones()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var document = await DocumentAsync(cluster);
        var api = new ApiDriver(cluster);
        var calls = new List<(string Method, string Path, HttpStatusCode Status)>();
        async Task Call(HttpMethod method, string documentedPath, string path, object? body)
        {
            var (status, _) = await api.SendAsync(method, path, body);
            calls.Add((method.Method.ToLowerInvariant(), documentedPath, status));
        }

        await Call(HttpMethod.Put, "/v1/customers/{customerId}", "/v1/customers/doc-1", new { name = "Doc", email = "d@example.com", language = "en", currency = "EUR", country = "NL", paymentTermDays = 14, creditLimit = 10000, creditScore = 60 });
        await Call(HttpMethod.Post, "/v1/orders", "/v1/orders", ApiDriver.Order("doc-o1", "doc-1", 100m));
        await Call(HttpMethod.Post, "/v1/orders", "/v1/orders", ApiDriver.Order("doc-o1", "doc-1", 100m));
        await Call(HttpMethod.Post, "/v1/orders", "/v1/orders", ApiDriver.Order("doc-o1", "doc-1", 200m));
        await Call(HttpMethod.Post, "/v1/orders", "/v1/orders", ApiDriver.Order("doc-o2", "nobody", 100m));
        await Call(HttpMethod.Post, "/v1/orders", "/v1/orders", new { orderId = "doc-o3" });
        await Call(HttpMethod.Post, "/v1/payments", "/v1/payments", new { paymentId = "doc-p1", amount = 10m, currency = "EUR", receivedAt = "2026-01-05T10:00:00Z" });
        await Call(HttpMethod.Get, "/v1/customers/{customerId}", "/v1/customers/nobody", null);
        await Call(HttpMethod.Get, "/v1/orders/{orderId}", "/v1/orders/doc-o1", null);
        await Call(HttpMethod.Post, "/v1/api-keys", "/v1/api-keys", new { name = "doc", role = "collector" });
        await Call(HttpMethod.Delete, "/v1/api-keys/{keyId}", "/v1/api-keys/key_none", null);
        await Call(HttpMethod.Get, "/v1/audit/verify", "/v1/audit/verify", null);
        Assert.Contains(calls, c => c.Status == HttpStatusCode.Created);
        Assert.Contains(calls, c => c.Status == HttpStatusCode.Conflict);

        var operations = Operations(document).ToDictionary(o => $"{o.Method} {o.Path.TrimEnd('/')}", o => o.Operation);
        var undocumented = calls
            .Where(c => !operations[$"{c.Method} {c.Path}"]["responses"]!.AsObject().ContainsKey(((int)c.Status).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Select(c => $"{c.Method} {c.Path} answered {(int)c.Status}, which the document does not list")
            .ToList();
        Assert.True(undocumented.Count == 0, string.Join(Environment.NewLine, undocumented));
    }

    [Fact]
    public async Task The_API_reference_page_is_served_at_docs()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        using var anonymous = cluster.CreateClient(null);
        using var page = await anonymous.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("scalar", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<JsonObject> DocumentAsync(TestCluster cluster)
    {
        using var anonymous = cluster.CreateClient(null);
        return JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!.AsObject();
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(o => Methods.Contains(o.Key))
                .Select(o => (path.Key, o.Key, o.Value!.AsObject())));

    [GeneratedRegex(@"\{([^}:]+)(:[^}]*)?\}")]
    private static partial Regex Constraint();
}
