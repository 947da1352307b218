using Npgsql;
using NpgsqlTypes;

namespace O2C.Runtime.Storage;

/// <summary>
/// An append-only runtime table whose rows from a whole group commit go in as one multi-row
/// insert (unnest of column arrays) instead of a statement per row.
/// </summary>
internal sealed class BulkTable
{
    public static readonly BulkTable Events = new(
        "grain_events", ["grain_type", "grain_key", "occurred_at", "kind", "data"],
        [NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.Jsonb]);

    public static readonly BulkTable Outbox = new(
        "outbox", ["grain_type", "grain_key", "topic", "payload", "created_at"],
        [NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Jsonb, NpgsqlDbType.TimestampTz]);

    private readonly NpgsqlDbType[] _types;
    private readonly string _sql;

    private BulkTable(string table, string[] columns, NpgsqlDbType[] types)
    {
        _types = types;
        var arrays = string.Join(", ", types.Select((t, i) => $"${i + 1}::{PgName(t)}[]"));
        _sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) SELECT * FROM unnest({arrays})";
    }

    public NpgsqlBatchCommand Insert(IReadOnlyList<object?[]> rows)
    {
        var command = new NpgsqlBatchCommand(_sql);
        for (var column = 0; column < _types.Length; column++)
        {
            var values = new object?[rows.Count];
            for (var row = 0; row < rows.Count; row++)
            {
                values[row] = rows[row][column];
            }

            command.Parameters.Add(new NpgsqlParameter { Value = ColumnArray(values, _types[column]), NpgsqlDbType = NpgsqlDbType.Array | _types[column] });
        }

        return command;
    }

    private static Array ColumnArray(object?[] values, NpgsqlDbType type) => type switch
    {
        NpgsqlDbType.TimestampTz => values.Cast<DateTimeOffset>().ToArray(),
        _ => values.Cast<string>().ToArray(),
    };

    private static string PgName(NpgsqlDbType type) => type switch
    {
        NpgsqlDbType.TimestampTz => "timestamptz",
        NpgsqlDbType.Jsonb => "jsonb",
        _ => "text",
    };
}
