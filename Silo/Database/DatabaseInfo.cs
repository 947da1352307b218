using Npgsql;

namespace O2C.Silo.Database;

/// <summary>The database this process uses, as resolved at start (for logs and diagnostics).</summary>
/// <param name="ConnectionString">Full connection string (may hold a password).</param>
/// <param name="Embedded">The embedded server, or null when ConnectionStrings:O2C was given.</param>
public sealed record DatabaseInfo(string ConnectionString, EmbeddedPostgres? Embedded)
{
    /// <summary>The connection string without its password.</summary>
    public string SafeConnectionString
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            if (builder.Password is not null)
            {
                builder.Password = "***";
            }

            return builder.ConnectionString;
        }
    }
}
