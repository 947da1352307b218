using Npgsql;
using O2C.Silo.Database;
using O2C.Tests.Support;

namespace O2C.Silo.Tests.Database;

/// <summary>The embedded server asks every connection for the superuser's password (SCRAM), kept in a file only its user reads.</summary>
public sealed class PasswordAuthenticationTests
{
    [Fact]
    public async Task The_embedded_server_refuses_a_connection_without_the_password_and_keeps_it_owner_only()
    {
        using var folder = new TemporaryFolder("o2c-scram");
        await using var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = folder.Path, Port = 0 });
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var method = new NpgsqlCommand("SELECT auth_method FROM pg_hba_file_rules WHERE type = 'host' LIMIT 1", connection);
            Assert.Equal("scram-sha-256", await method.ExecuteScalarAsync());
        }

        var withoutPassword = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = null, Pooling = false }.ConnectionString;
        var wrongPassword = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = "guess", Pooling = false }.ConnectionString;
        foreach (var attempt in new[] { withoutPassword, wrongPassword })
        {
            await using var connection = new NpgsqlConnection(attempt);
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
        }

        var file = Path.Combine(folder.Path, PasswordAuthentication.PasswordFileName);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }
}
