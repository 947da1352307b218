using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using O2C.Storage;

namespace O2C.Api.BankStatements;

/// <summary>Writes an import's result rows into a table shaped like <c>BankStatementStore</c>'s incoming entries, by either transport.</summary>
internal static class EntryRows
{
    private const string Columns =
        "payment_key, payment_id, entry_key, part, statement_key, entry_index, amount, currency, debtor_name, debtor_iban, status, result, payment, debtor_hint, booking_date";

    public static async Task CopyAsync(NpgsqlConnection connection, string table, IEnumerable<IncomingEntry> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (r, queued) in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(r.PaymentKey, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(r.PaymentId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(r.EntryKey, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(r.Part, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(r.StatementKey, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(r.Index, NpgsqlDbType.Integer, cancellationToken);
            await WriteAsync(writer, r.Amount, NpgsqlDbType.Numeric, cancellationToken);
            await WriteAsync(writer, r.Currency, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(writer, r.DebtorName, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(writer, r.DebtorIban, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(r.Status.ToString(), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(JsonSerializer.Serialize(r, RowJson.Options), NpgsqlDbType.Jsonb, cancellationToken);
            await WriteAsync(writer, queued is null ? null : JsonSerializer.Serialize(queued.Payment, RowJson.Options), NpgsqlDbType.Jsonb, cancellationToken);
            await WriteAsync(writer, queued?.DebtorHint, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(writer, r.BookingDate, NpgsqlDbType.Date, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    public static async Task InsertAsJsonAsync(NpgsqlConnection connection, string table, string columnTypes, IEnumerable<IncomingEntry> rows, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(rows.Select(e => new
        {
            payment_key = e.Result.PaymentKey,
            payment_id = e.Result.PaymentId,
            entry_key = e.Result.EntryKey,
            part = e.Result.Part,
            statement_key = e.Result.StatementKey,
            entry_index = e.Result.Index,
            amount = e.Result.Amount,
            currency = e.Result.Currency,
            debtor_name = e.Result.DebtorName,
            debtor_iban = e.Result.DebtorIban,
            status = e.Result.Status.ToString(),
            result = e.Result,
            payment = e.Queued?.Payment,
            debtor_hint = e.Queued?.DebtorHint,
            booking_date = e.Result.BookingDate,
        }), RowJson.Options);
        await using var command = new NpgsqlCommand($"INSERT INTO {table} ({Columns}) SELECT {Columns} FROM jsonb_to_recordset($1) AS r({columnTypes})", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, type, cancellationToken);
}
