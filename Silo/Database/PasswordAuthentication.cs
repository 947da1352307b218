using System.Security.Cryptography;
using Npgsql;

namespace O2C.Silo.Database;

/// <summary>
/// The embedded server asks for a password (SCRAM-SHA-256) instead of trusting every local user
/// (issue 13). initdb still starts it trusting (as a folder made before this did); then the superuser
/// gets a generated password, kept in <c>&lt;data folder&gt;/superuser-password</c> (mode 0600, this
/// process's user), and <c>pg_hba.conf</c> is rewritten to SCRAM and reloaded. A server already
/// converted only has its password read.
/// </summary>
public static class PasswordAuthentication
{
    public const string PasswordFileName = "superuser-password";

    private const string Rules =
        """
        # Written by O2C (issue 13): every connection proves the password, none is trusted.
        local   all   all                  scram-sha-256
        host    all   all   127.0.0.1/32   scram-sha-256
        host    all   all   ::1/128        scram-sha-256

        """;

    /// <summary>Returns the superuser's password, converting the server from trust first when needed.</summary>
    public static async Task<string> EnsureAsync(string root, string cluster, int port, CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(root, PasswordFileName);
        var hbaFile = Path.Combine(cluster, "pg_hba.conf");
        if (File.Exists(passwordFile) && await File.ReadAllTextAsync(hbaFile, cancellationToken) == Rules)
        {
            return (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim();
        }

        var password = File.Exists(passwordFile)
            ? (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim()
            : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var trusting = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(trusting.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SET password_encryption = 'scram-sha-256'; ALTER ROLE postgres PASSWORD '{password}'", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (!File.Exists(passwordFile))
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using var writer = new StreamWriter(new FileStream(passwordFile, create));
            await writer.WriteLineAsync(password);
        }

        // Overwriting keeps the file's owner (the server's user when this process runs as root).
        await File.WriteAllTextAsync(hbaFile, Rules, cancellationToken);
        var withPassword = new NpgsqlConnectionStringBuilder(trusting.ConnectionString) { Password = password };
        await using (var connection = new NpgsqlConnection(withPassword.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
            await reload.ExecuteNonQueryAsync(cancellationToken);
        }

        await WaitUntilTrustEndsAsync(trusting.ConnectionString, cancellationToken);
        return password;
    }

    // The server reloads its rules when the signal reaches it: wait until a connection without the
    // password is refused, so nobody gets in by trust after this returns.
    private static async Task WaitUntilTrustEndsAsync(string trusting, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(trusting);
                await connection.OpenAsync(cancellationToken);
            }
            catch (NpgsqlException)
            {
                return;
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new InvalidOperationException("The embedded PostgreSQL still trusts connections without a password after reloading pg_hba.conf.");
    }
}
