using System.Net;
using Npgsql;
using O2C.Silo.Database;
using O2C.Tests.Support;

namespace O2C.Api.Tests.Hostile;

/// <summary>
/// PostgreSQL stopped under a running silo: every kind of endpoint answers 503 with Retry-After,
/// never 500, and writes go through again once it is back. The silo gets a server of its own, so
/// stopping it leaves the other tests' server alone.
/// </summary>
public sealed class OutageTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "o2c-outage-" + Guid.NewGuid().ToString("N")[..12]);
    private EmbeddedPostgres? _server;

    [Fact]
    public async Task While_PostgreSQL_is_down_every_endpoint_answers_503_with_Retry_After_and_writes_resume_when_it_is_back()
    {
        await using (var dataSource = NpgsqlDataSource.Create(_server!.ConnectionString))
        {
            await new SchemaMigrator(dataSource).MigrateAsync();
        }

        var cluster = TestCluster.StartOn(_server.ConnectionString);
        try
        {
            var api = new ApiDriver(cluster);
            await api.CustomerAsync("up", "en", 50);
            await api.OrderAsync("before", "up", 10m);

            await _server.StopAsync();
            var probes = new (HttpMethod Method, string Path, object? Body)[]
            {
                (HttpMethod.Get, "/v1/customers/up", null),
                (HttpMethod.Get, "/v1/orders/before", null),
                (HttpMethod.Get, "/v1/invoices?customerId=up", null),
                (HttpMethod.Get, "/v1/reports/aging", null),
                (HttpMethod.Put, "/v1/customers/down", new { name = "D", language = "en", currency = "EUR", creditLimit = 100 }),
                (HttpMethod.Post, "/v1/orders", ApiDriver.Order("during", "up", 10m)),
                (HttpMethod.Post, "/v1/orders/batch", new { orders = new[] { ApiDriver.Order("during-batch", "up", 10m) } }),
                (HttpMethod.Post, "/v1/payments", new { paymentId = "during", amount = 12.1m, currency = "EUR", receivedAt = "2026-01-05T10:00:00Z", customerId = "up" }),
            };
            var misses = new List<string>();
            foreach (var (method, path, body) in probes)
            {
                using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body) };
                using var response = await cluster.Client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable || response.Headers.RetryAfter is null
                    || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    misses.Add($"{method} {path} gave {(int)response.StatusCode}, Retry-After {response.Headers.RetryAfter}: {text[..Math.Min(text.Length, 200)]}");
                }
            }

            Assert.True(misses.Count == 0, $"while PostgreSQL was down:{Environment.NewLine}{string.Join(Environment.NewLine, misses)}");

            _server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = _folder, Port = _server.Port, ServerSettings = PostgresFixture.FastServerSettings });
            // As a client honouring Retry-After would: the pool may still hold a connection broken by the
            // stop, which costs one more 503 before a fresh one is opened.
            var answers = new List<string>();
            for (var attempt = 0; attempt < 10; attempt++)
            {
                var (status, answer) = await api.PutAsync("/v1/customers/back", new { name = "B", language = "en", currency = "EUR", creditLimit = 100 });
                answers.Add($"{(int)status}");
                if (status == HttpStatusCode.OK)
                {
                    break;
                }

                Assert.True(status == HttpStatusCode.ServiceUnavailable, $"after PostgreSQL came back, PUT customer gave {(int)status}: {answer}");
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }

            Assert.True(answers[^1] == "200", $"PUT customer never went through after PostgreSQL came back: {string.Join(", ", answers)}");
            await api.OrderAsync("after", "up", 10m);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    public async Task InitializeAsync() =>
        _server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = _folder, Port = 0, ServerSettings = PostgresFixture.FastServerSettings });

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _server!.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
