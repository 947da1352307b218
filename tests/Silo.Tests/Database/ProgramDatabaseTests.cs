using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using O2C.Silo.Database;
using O2C.Tests.Support;

namespace O2C.Silo.Tests.Database;

/// <summary>The silo's Program reads ConnectionStrings:O2C given through WebApplicationFactory settings.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class ProgramDatabaseTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Program_uses_the_connection_string_from_the_factory_and_becomes_ready()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(web => web.UseSetting("ConnectionStrings:O2C", connectionString));
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Null(factory.Services.GetRequiredService<DatabaseInfo>().Embedded);
    }
}
