using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using O2C.Tests.Support;
using Xunit.Abstractions;

namespace O2C.Api.Tests.Auth;

/// <summary>
/// Walks every endpoint the silo maps (its <see cref="EndpointDataSource"/>, so an endpoint added
/// later is walked too): without a key 401, with a key of a role it does not admit 403, both as
/// problem details; with an admitted one neither. Who is admitted is <see cref="RoleTable"/>; an
/// endpoint not in it must be admin-only.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed partial class EveryEndpointRoleTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly string[] Roles = ["ingest", "collector", "operator", "admin"];

    [Fact]
    public async Task Every_endpoint_refuses_a_missing_key_and_every_role_it_does_not_admit()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var clients = new Dictionary<string, HttpClient> { ["none"] = cluster.CreateClient(null) };
        foreach (var role in Roles)
        {
            clients[role] = cluster.CreateClient(await CreateKeyAsync(cluster.Client, role));
        }

        var endpoints = cluster.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Endpoint: e)))
            .ToList();
        Assert.True(endpoints.Count > 40, $"only {endpoints.Count} endpoints found");
        var misses = new List<string>();
        var table = new StringBuilder();
        foreach (var (method, endpoint) in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText!;
            var admitted = RoleTable.For(method, pattern);
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var path = Parameter().Replace(pattern, "1");
            var row = new StringBuilder($"{method} {pattern}:");
            if (anonymous != admitted.Contains(RoleTable.Anonymous))
            {
                misses.Add($"{method} {pattern} is {(anonymous ? "" : "not ")}open to callers without a key; the role table says otherwise");
            }

            foreach (var (caller, client) in clients)
            {
                if (anonymous && caller != "none")
                {
                    continue;
                }

                // Headers only: some of the Orleans Dashboard's routes stream until the client leaves.
                using var response = await client.SendAsync(Request(method, path, endpoint), HttpCompletionOption.ResponseHeadersRead);
                var status = (int)response.StatusCode;
                row.Append($" {caller}={status}");
                var expected = anonymous ? (int?)null
                    : caller == "none" ? StatusCodes.Status401Unauthorized
                    : caller == "admin" || admitted.Contains(caller) ? null
                    : StatusCodes.Status403Forbidden;
                if (expected is { } code)
                {
                    if (status != code || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        misses.Add($"{method} {path} as {caller}: {status} {response.Content.Headers.ContentType?.MediaType}, expected a {code} problem");
                    }
                }
                else if (status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
                {
                    misses.Add($"{method} {path} as {caller}: {status}, but the role table admits it");
                }
            }

            table.AppendLine(row.ToString());
        }

        output.WriteLine(table.ToString());
        Assert.True(misses.Count == 0, string.Join(Environment.NewLine, misses));
        Assert.All(RoleTable.Expected.Keys, key => Assert.Contains(endpoints, e => $"{e.Method} {e.Endpoint.RoutePattern.RawText}" == key));
    }

    internal static async Task<string> CreateKeyAsync(HttpClient admin, string role)
    {
        using var created = await admin.PostAsJsonAsync("/v1/api-keys", new { name = $"{role} of a test", role });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>();
    }

    // A body of the content type the endpoint declares: routing sends another type to a 415 endpoint of its own.
    private static HttpRequestMessage Request(string method, string path, Endpoint endpoint)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            var type = endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 } accepts ? accepts.ContentTypes[0] : "application/json";
            request.Content = new StringContent(type.Contains("json", StringComparison.Ordinal) ? "{}" : "<x/>", Encoding.UTF8, type);
        }

        return request;
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
