using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace O2C.Silo.Database;

/// <summary>
/// The least-privileged role the application connects as (issue 13): <c>&lt;database&gt;_app</c>, with
/// SELECT, INSERT, UPDATE and DELETE on the tables (today's and, by default privileges, the
/// migrations' to come) but no UPDATE, DELETE or TRUNCATE on <c>grain_events</c>, and no DDL. The
/// connection string's own user (the owner) only runs the migrations and this setup. The role's
/// password is generated once and kept in <c>app_role_secret</c>, which the role itself cannot read,
/// so every silo of the database connects with the same one.
/// </summary>
public static class AppRole
{
    // Silos starting together create the role and its password once ("O2C-ROLE").
    private const long LockKey = 0x4F32_432D_524F_4C45;

    /// <summary>
    /// Creates or updates the role and its grants; returns the connection string to use as that role,
    /// or null when the owner may not manage roles (the application then keeps the owner's connection).
    /// </summary>
    public static async Task<string?> PrepareAsync(string ownerConnectionString, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ScalarAsync(connection, transaction, "SELECT pg_advisory_xact_lock($1)", cancellationToken, LockKey);
        if (!(bool)(await ScalarAsync(connection, transaction, "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user", cancellationToken))!)
        {
            logger.LogWarning("The database user may not create roles: the application connects as the owner, which can change the audit trail (give it CREATEROLE)");
            return null;
        }

        var database = (string)(await ScalarAsync(connection, transaction, "SELECT current_database()", cancellationToken))!;
        var role = database + "_app";
        await ScalarAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS app_role_secret (role text PRIMARY KEY, password text NOT NULL)", cancellationToken);
        var password = await ScalarAsync(connection, transaction, "SELECT password FROM app_role_secret WHERE role = $1", cancellationToken, role) as string;
        if (password is null)
        {
            password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            await ScalarAsync(connection, transaction, "INSERT INTO app_role_secret (role, password) VALUES ($1, $2)", cancellationToken, role, password);
        }

        var exists = (bool)(await ScalarAsync(connection, transaction, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)", cancellationToken, role))!;
        var createOrAlter = (string)(await ScalarAsync(connection, transaction,
            $"SELECT format('{(exists ? "ALTER" : "CREATE")} ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', $1::text, $2::text)",
            cancellationToken, role, password))!;
        await ExecuteAsync(connection, transaction, createOrAlter, cancellationToken);
        var grants = (string)(await ScalarAsync(connection, transaction,
            """
            SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %1$I TO %2$I;
                GRANT USAGE ON SCHEMA public TO %2$I;
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %2$I;
                GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %2$I;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %2$I;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %2$I;
                REVOKE ALL ON app_role_secret FROM %2$I;', $1::text, $2::text)
            || CASE WHEN to_regclass('grain_events') IS NULL THEN ''
                    ELSE format('REVOKE UPDATE, DELETE, TRUNCATE ON grain_events FROM %I;', $2::text) END
            """, cancellationToken, database, role))!;
        await ExecuteAsync(connection, transaction, grants, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return new NpgsqlConnectionStringBuilder(ownerConnectionString) { Username = role, Password = password }.ConnectionString;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
