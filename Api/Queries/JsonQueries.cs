using Npgsql;

namespace O2C.Api.Queries;

/// <summary>
/// Runs read queries whose result PostgreSQL already shapes as JSON (camelCase aliases), so the
/// query rows go to the client without a mapping layer. Parameters are positional ($1, $2, ...).
/// </summary>
public sealed class JsonQueries(NpgsqlDataSource dataSource)
{
    /// <summary>The first column of the first row as text, or null when there is no row.</summary>
    public async Task<string?> ScalarAsync(string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(value is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text } : new NpgsqlParameter { Value = value });
        }

        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is null or DBNull ? null : result.ToString();
    }

    /// <summary>One row as a JSON object: <c>SELECT row_to_json(x) FROM (...) x</c>.</summary>
    public Task<string?> ObjectAsync(string innerSelect, CancellationToken cancellationToken, params object?[] parameters) =>
        ScalarAsync($"SELECT row_to_json(x)::text FROM ({innerSelect}) x", cancellationToken, parameters);

    /// <summary>Rows as a JSON array, in the order of <paramref name="orderBy"/> (a column alias of the inner select).</summary>
    public async Task<string> ArrayAsync(string innerSelect, string orderBy, CancellationToken cancellationToken, params object?[] parameters) =>
        await ScalarAsync($"SELECT coalesce(json_agg(x ORDER BY {orderBy}), '[]'::json)::text FROM ({innerSelect}) x", cancellationToken, parameters) ?? "[]";
}
