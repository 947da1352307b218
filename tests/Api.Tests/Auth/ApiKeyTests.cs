using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using O2C.Tests.Support;

namespace O2C.Api.Tests.Auth;

/// <summary>Keys: created once and shown once, stored hashed, listed without secrets, revoked; the sign-in cookie of the pages.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class ApiKeyTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_created_key_works_for_its_role_is_stored_only_as_a_hash_and_stops_working_when_revoked()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        using var created = await cluster.Client.PostAsJsonAsync("/v1/api-keys", new { name = "erp feed", role = "ingest" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var key = body["key"]!.GetValue<string>();
        var keyId = body["keyId"]!.GetValue<string>();
        Assert.Equal($"/v1/api-keys/{keyId}", created.Headers.Location!.ToString());
        Assert.StartsWith("o2c_", key, StringComparison.Ordinal);

        using var ingest = cluster.CreateClient(key);
        using (var customer = await ingest.PutAsJsonAsync("/v1/customers/k-1", new { name = "Key Test", email = "k@example.com", language = "en", currency = "EUR", country = "NL", paymentTermDays = 14, creditLimit = 1000, creditScore = 50 }))
        {
            Assert.Equal(HttpStatusCode.OK, customer.StatusCode);
        }

        using (var read = await ingest.GetAsync("/v1/customers/k-1"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
            Assert.Contains("'ingest'", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var listed = await cluster.Client.GetStringAsync("/v1/api-keys");
        Assert.Contains(keyId, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key[4..], await StoredAsync(cluster), StringComparison.Ordinal);

        using (var revoked = await cluster.Client.DeleteAsync($"/v1/api-keys/{keyId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using (var after = await ingest.PutAsJsonAsync("/v1/customers/k-1", new { name = "Key Test" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
            Assert.Equal("application/problem+json", after.Content.Headers.ContentType!.MediaType);
        }

        using var unknown = await cluster.Client.DeleteAsync("/v1/api-keys/key_nosuchkey");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"x","role":"root"}""", "role")]
    [InlineData("""{"role":"admin"}""", "name")]
    public async Task A_key_request_with_a_bad_field_is_a_400_naming_it(string json, string field)
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        using var answer = await cluster.Client.PostAsync("/v1/api-keys", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.NotNull((await answer.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![field]);
    }

    [Fact]
    public async Task A_browser_without_a_key_is_sent_to_sign_in_and_the_cookie_it_gets_serves_reads_only()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var operatorKey = await EveryEndpointRoleTests.CreateKeyAsync(cluster.Client, "operator");
        using var browser = cluster.CreateClient(null);
        using (var page = new HttpRequestMessage(HttpMethod.Get, "/dashboard"))
        {
            page.Headers.Accept.ParseAdd("text/html");
            using var answer = await browser.SendAsync(page);
            // The client follows the redirect, as a browser does.
            Assert.Equal("/signin?returnUrl=%2Fdashboard", answer.RequestMessage!.RequestUri!.PathAndQuery);
            Assert.Contains("signin-form", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var signIn = new HttpRequestMessage(HttpMethod.Post, "/v1/session") { Content = new StringContent("{}", Encoding.UTF8, "application/json") })
        {
            signIn.Headers.Add("X-Api-Key", operatorKey);
            using var answer = await browser.SendAsync(signIn);
            Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
            var cookie = Assert.Single(answer.Headers.GetValues("Set-Cookie"));
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }

        // The client keeps the cookie, as a browser does.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/v1/dashboard/business")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/orleans/")).StatusCode);
        using var write = await browser.PostAsync("/v1/clock/advance", new StringContent("""{"days":1}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
    }

    private static async Task<string> StoredAsync(TestCluster cluster)
    {
        await using var command = cluster.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("SELECT string_agg(key_id || name || role || encode(key_hash, 'escape') || encode(key_hash, 'hex'), ',') FROM api_keys");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
