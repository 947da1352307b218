using System.Net;
using System.Text.Json.Nodes;
using System.Net.Http.Json;
using O2C.Api.Tests.Auth;
using O2C.Tests.Support;

namespace O2C.Api.Tests.Limits;

[Collection(PostgresFixture.Collection)]
public sealed class RateLimitTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_key_past_its_bucket_gets_a_429_problem_with_Retry_After_and_other_keys_are_not_slowed()
    {
        // A bucket of 3 refilled by 1 a second: the manual business clock does not drive it (wall time).
        await using var cluster = await TestCluster.StartAsync(postgres, new Dictionary<string, string?>
        {
            ["O2C:RateLimit:PermitsPerSecond"] = "1",
            ["O2C:RateLimit:Burst"] = "3",
        });
        var collector = await EveryEndpointRoleTests.CreateKeyAsync(cluster.Client, "collector");
        using var client = cluster.CreateClient(collector);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            var answer = await client.GetAsync("/v1/clock");
            statuses.Add(answer.StatusCode);
            if (answer.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = answer;
            }
        }

        Assert.NotNull(refused);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 3, string.Join(", ", statuses));
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal(429, (await refused.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await cluster.Client.GetAsync("/v1/clock")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        refused.Dispose();
    }
}
