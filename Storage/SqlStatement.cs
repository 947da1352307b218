namespace O2C.Storage;

/// <summary>
/// One SQL statement with positional parameters ($1, $2, ...). Parameter values are CLR values
/// Npgsql maps itself; wrap a JSON document in <see cref="Jsonb"/>. A single array parameter must be
/// wrapped (<c>[ids]</c>), or C# spreads it over the params list.
/// </summary>
public sealed record SqlStatement(string Sql, params object?[] Parameters);
