using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace O2C.Storage;

/// <summary>
/// A statement that takes the rows of a whole group commit at once: every write that adds a row
/// to it shares one execution (one round trip, one plan) instead of a statement per row. The SQL
/// reads its rows from <c>{rows}</c>, which becomes <c>unnest($1::type[], ...) AS v(column, ...)</c>,
/// so it names them <c>v.column</c>:
/// <code>
/// UPDATE invoices i SET paid = v.paid FROM {rows} WHERE i.invoice_id = v.invoice_id
/// </code>
/// Columns are declared as "name type" with a PostgreSQL type: text, jsonb, numeric, int, bigint,
/// boolean, date or timestamptz.
/// </summary>
public sealed partial class MultiRowStatement
{
    private readonly string _sql;
    private readonly Column[] _columns;
    private readonly bool _keyed;

    private MultiRowStatement(string sql, bool keyed, string[] columns)
    {
        if (!sql.Contains("{rows}", StringComparison.Ordinal))
        {
            throw new ArgumentException("The SQL must read its rows from {rows}.", nameof(sql));
        }

        _columns = columns.Select(Column.Parse).ToArray();
        _keyed = keyed;
        var arrays = string.Join(", ", _columns.Select((c, i) => $"${i + 1}::{c.Type}[]"));
        _sql = sql.Replace("{rows}", $"unnest({arrays}) AS v({string.Join(", ", _columns.Select(c => c.Name))})", StringComparison.Ordinal);
    }

    /// <summary>
    /// Rows keyed by their first column: when a group commit holds several rows with one key, only
    /// the last one queued is sent (an upsert or update may not touch a row twice in one statement,
    /// and the last write of a row is the one that stands).
    /// </summary>
    public static MultiRowStatement Keyed(string sql, params string[] columns) => new(sql, keyed: true, columns);

    /// <summary>Every row is sent, duplicates too: a plain insert whose unique key must fail a second use of an id.</summary>
    public static MultiRowStatement Appended(string sql, params string[] columns) => new(sql, keyed: false, columns);

    public int ColumnCount => _columns.Length;

    internal NpgsqlBatchCommand ToBatchCommand(IReadOnlyList<object?[]> queued)
    {
        var rows = _keyed ? LastPerKey(queued) : queued;
        var command = new NpgsqlBatchCommand(_sql);
        for (var column = 0; column < _columns.Length; column++)
        {
            command.Parameters.Add(_columns[column].Parameter(rows, column));
        }

        return command;
    }

    private static List<object?[]> LastPerKey(IReadOnlyList<object?[]> queued)
    {
        var last = new Dictionary<object, int>();
        for (var i = 0; i < queued.Count; i++)
        {
            last[queued[i][0] ?? throw new ArgumentException("A keyed row needs a key in its first column.")] = i;
        }

        return last.Count == queued.Count ? [.. queued] : [.. last.Values.Order().Select(i => queued[i])];
    }

    private sealed partial record Column(string Name, string Type, NpgsqlDbType DbType)
    {
        public static Column Parse(string declaration)
        {
            var match = Declaration().Match(declaration);
            if (!match.Success)
            {
                throw new ArgumentException($"'{declaration}' is not a column declaration \"name type\".", nameof(declaration));
            }

            var type = match.Groups[2].Value.ToLowerInvariant();
            var dbType = type switch
            {
                "text" => NpgsqlDbType.Text,
                "jsonb" => NpgsqlDbType.Jsonb,
                "numeric" => NpgsqlDbType.Numeric,
                "int" => NpgsqlDbType.Integer,
                "bigint" => NpgsqlDbType.Bigint,
                "boolean" => NpgsqlDbType.Boolean,
                "date" => NpgsqlDbType.Date,
                "timestamptz" => NpgsqlDbType.TimestampTz,
                _ => throw new ArgumentException($"Column {match.Groups[1].Value}: type {type} is not one a multi-row statement sends.", nameof(declaration)),
            };
            return new Column(match.Groups[1].Value, type, dbType);
        }

        public NpgsqlParameter Parameter(IReadOnlyList<object?[]> rows, int column) => new()
        {
            NpgsqlDbType = NpgsqlDbType.Array | DbType,
            Value = DbType switch
            {
                NpgsqlDbType.Text or NpgsqlDbType.Jsonb => Texts(rows, column),
                NpgsqlDbType.Numeric => Values<decimal>(rows, column),
                NpgsqlDbType.Integer => Values<int>(rows, column),
                NpgsqlDbType.Bigint => Values<long>(rows, column),
                NpgsqlDbType.Boolean => Values<bool>(rows, column),
                NpgsqlDbType.Date => Values<DateOnly>(rows, column),
                _ => Values<DateTimeOffset>(rows, column),
            },
        };

        // Typed arrays (string?[], decimal?[], ...): Npgsql writes them without guessing, nulls included.
        private string?[] Texts(IReadOnlyList<object?[]> rows, int column)
        {
            var values = new string?[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                values[i] = rows[i][column] switch
                {
                    null => null,
                    string text => text,
                    Jsonb json => json.Json,
                    var other => throw Mismatch(other),
                };
            }

            return values;
        }

        private T?[] Values<T>(IReadOnlyList<object?[]> rows, int column)
            where T : struct
        {
            var values = new T?[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                values[i] = rows[i][column] switch
                {
                    null => null,
                    T typed => typed,
                    var other => throw Mismatch(other),
                };
            }

            return values;
        }

        private ArgumentException Mismatch(object value) => new($"Column {Name} ({Type}) was given a {value.GetType().Name}.");

        [GeneratedRegex(@"^\s*([a-z_][a-z0-9_]*)\s+([a-z]+)\s*$", RegexOptions.IgnoreCase)]
        private static partial Regex Declaration();
    }
}
