using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using O2C.Silo.Database;
using O2C.Tests.Support;

namespace O2C.Silo.Tests.Database;

[Collection(PostgresFixture.Collection)]
public sealed class HealthEndpointTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Live_and_ready_once_migrations_ran_at_start()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        await using var app = await StartAsync(new() { ["ConnectionStrings:O2C"] = connectionString });
        using var client = app.GetTestClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Null(app.Services.GetRequiredService<DatabaseInfo>().Embedded);
    }

    [Fact]
    public async Task Not_ready_while_migrations_are_pending()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        await using var app = await StartAsync(new()
        {
            ["ConnectionStrings:O2C"] = connectionString,
            ["O2C:Database:MigrateOnStart"] = "false",
        });
        using var client = app.GetTestClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

        await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Not_ready_when_the_database_is_unreachable()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var app = await StartAsync(new()
        {
            ["ConnectionStrings:O2C"] = connectionString + ";Database=no_such_database",
            ["O2C:Database:MigrateOnStart"] = "false",
        });
        using var client = app.GetTestClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Without_a_connection_string_an_embedded_server_runs_in_the_data_folder_and_stops_with_the_host()
    {
        using var folder = new TemporaryFolder("o2c-hosted-pg");
        EmbeddedPostgres embedded;
        await using (var app = await StartAsync(new()
        {
            ["O2C:Database:DataDirectory"] = folder.Path,
            ["O2C:Database:Port"] = "0",
        }))
        {
            using var client = app.GetTestClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            embedded = app.Services.GetRequiredService<EmbeddedPostgres>();
            Assert.Equal(folder.Path, embedded.DataDirectory);
            Assert.Equal(embedded.ConnectionString.Split(';')[..4], app.Configuration.GetConnectionString("O2C")!.Split(';')[..4]);
            await app.StopAsync();
        }

        Assert.False(await embedded.IsRunningAsync(), "the embedded server outlived the host");
    }

    private static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddO2CDatabase();
        var app = builder.Build();
        app.MapO2CHealth();
        await app.StartAsync();
        return app;
    }
}
