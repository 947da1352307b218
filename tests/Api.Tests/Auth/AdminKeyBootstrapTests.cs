using System.Net;
using System.Text.Json.Nodes;
using System.Net.Http.Json;
using O2C.Tests.Support;

namespace O2C.Api.Tests.Auth;

[Collection(PostgresFixture.Collection)]
public sealed class AdminKeyBootstrapTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_fresh_database_gets_one_admin_key_written_for_the_owner_only_and_a_restart_keeps_it()
    {
        using var folder = new TemporaryFolder("o2c-admin-key");
        var file = Path.Combine(folder.Path, "keys", "admin-key");
        var settings = new Dictionary<string, string?> { ["O2C:Auth:AdminKey"] = null, ["O2C:Auth:AdminKeyFile"] = file };
        var database = await postgres.CreateDatabaseAsync();
        await using (var first = TestCluster.StartOn(database, settings))
        {
            using var anonymous = first.CreateClient(null);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode); // the silo has started
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            using var admin = first.CreateClient((await File.ReadAllTextAsync(file)).Trim());
            var keys = (await admin.GetFromJsonAsync<JsonArray>("/v1/api-keys"))!;
            Assert.Equal("admin", Assert.Single(keys)!["role"]!.GetValue<string>());
            using var testKey = first.CreateClient();
            Assert.Equal(HttpStatusCode.Unauthorized, (await testKey.GetAsync("/v1/api-keys")).StatusCode);
        }

        var written = await File.ReadAllTextAsync(file);
        await using var second = TestCluster.StartOn(database, settings);
        using var again = second.CreateClient(written.Trim());
        Assert.Single((await again.GetFromJsonAsync<JsonArray>("/v1/api-keys"))!);
        Assert.Equal(written, await File.ReadAllTextAsync(file));
    }
}
