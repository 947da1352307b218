using Npgsql;
using NpgsqlTypes;

namespace O2C.Storage;

internal static class SqlBatches
{
    public static NpgsqlBatchCommand ToBatchCommand(this SqlStatement statement)
    {
        var command = new NpgsqlBatchCommand(statement.Sql);
        foreach (var value in statement.Parameters)
        {
            command.Parameters.Add(value switch
            {
                null => new NpgsqlParameter { Value = DBNull.Value },
                Jsonb json => new NpgsqlParameter { Value = json.Json, NpgsqlDbType = NpgsqlDbType.Jsonb },
                _ => new NpgsqlParameter { Value = value },
            });
        }

        return command;
    }
}
