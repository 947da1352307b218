using Npgsql;

namespace O2C.Silo.Database;

/// <summary>
/// Connections as the connection string's own user, the owner of the schema: for the migrations and
/// <see cref="AppRole"/> only. Everything else uses the <see cref="NpgsqlDataSource"/> of the application's role.
/// </summary>
public sealed class OwnerDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable, IDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
