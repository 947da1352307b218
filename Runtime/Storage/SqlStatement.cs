namespace O2C.Runtime;

/// <summary>
/// One SQL statement with positional parameters ($1, $2, ...). Parameter values are CLR values
/// Npgsql maps itself; wrap a JSON document in <see cref="Jsonb"/>.
/// </summary>
public sealed record SqlStatement(string Sql, params object?[] Parameters);
