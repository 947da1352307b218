using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace O2C.Api.Auth;

/// <summary>
/// At start, after the migrations: stores the configured <c>O2C:Auth:AdminKey</c>; or, on a database
/// without any usable key, generates an admin key, prints it once and writes it to
/// <c>O2C:Auth:AdminKeyFile</c> (mode 0600), so a fresh install can be reached at all.
/// </summary>
internal sealed partial class AdminKeyBootstrap(NpgsqlDataSource dataSource, IOptions<AuthOptions> options, ILogger<AdminKeyBootstrap> logger) : IHostedService
{
    /// <summary>The row of the configured key: a new configured key replaces the one before.</summary>
    public const string ConfiguredKeyId = "key_configured_admin";

    // Silos starting together on a fresh database generate one key between them ("O2C-KEYS").
    private const long LockKey = 0x4F32_432D_4B45_5953;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = LockKey });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        if (!string.IsNullOrEmpty(settings.AdminKey))
        {
            await using var upsert = new NpgsqlCommand(
                """
                INSERT INTO api_keys (key_id, name, role, key_hash) VALUES ($1, 'O2C:Auth:AdminKey', 'admin', $2)
                ON CONFLICT (key_id) DO UPDATE SET key_hash = excluded.key_hash, role = 'admin', revoked_at = NULL
                """, connection, transaction);
            upsert.Parameters.Add(new NpgsqlParameter { Value = ConfiguredKeyId });
            upsert.Parameters.Add(new NpgsqlParameter { Value = ApiKeySecret.Hash(settings.AdminKey) });
            await upsert.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        await using (var any = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM api_keys WHERE revoked_at IS NULL AND role = 'admin')", connection, transaction))
        {
            if ((bool)(await any.ExecuteScalarAsync(cancellationToken))!)
            {
                return;
            }
        }

        var key = ApiKeySecret.New();
        var id = ApiKeySecret.NewId();
        await using (var insert = new NpgsqlCommand("INSERT INTO api_keys (key_id, name, role, key_hash) VALUES ($1, 'generated at first start', 'admin', $2)", connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = id });
            insert.Parameters.Add(new NpgsqlParameter { Value = ApiKeySecret.Hash(key) });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var file = Path.GetFullPath(settings.AdminKeyFile, Environment.CurrentDirectory);
        WriteOwnerOnly(file, key);
        await transaction.CommitAsync(cancellationToken);
        LogGenerated(logger, id, key, file);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void WriteOwnerOnly(string file, string key)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.Delete(file); // a left-over of an earlier database: the mode applies only to a new file
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(file, create);
        using var writer = new StreamWriter(stream);
        writer.WriteLine(key);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key in the database: generated admin key {KeyId}: {Key} (shown once; also in {File}, readable only by this user)")]
    private static partial void LogGenerated(ILogger logger, string keyId, string key, string file);
}
