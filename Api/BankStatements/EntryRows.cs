using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using O2C.Storage;

namespace O2C.Api.BankStatements;

/// <summary>Writes an import's result rows: into <c>bank_entries</c> (or a table shaped like it), and its queued payments into <c>payments</c>.</summary>
internal static class EntryRows
{
    public const string Columns =
        "payment_key, payment_id, entry_key, part, statement_key, entry_index, amount, currency, debtor_name, debtor_iban, status, result, payment, debtor_hint";

    public const string ColumnTypes =
        """
        payment_key text, payment_id text, entry_key text, part int, statement_key text, entry_index int, amount numeric, currency text,
        debtor_name text, debtor_iban text, status text, result jsonb, payment jsonb, debtor_hint text
        """;

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
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// The <c>payments</c> row of each queued payment, as <c>PaymentGrain.ReceiveFromStatement</c> would write it for a
    /// payment nothing was applied of: its grain is created only when a collector or a re-match books it.
    /// </summary>
    public static async Task CopyQueuedPaymentsAsync(NpgsqlConnection connection, IEnumerable<IncomingEntry> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            """
            COPY payments (payment_id, content_hash, amount, currency, received_at, payer_name, payer_iban, status, confidence, allocations, unallocated,
                candidates, explanation, source, recorded_at) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var (r, _) in rows.Where(r => r.Queued is not null))
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(r.PaymentId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(r.PaymentKey))), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(r.Amount!.Value, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(r.Currency!, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(r.BookingDate is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : now, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteAsync(writer, r.DebtorName, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(writer, r.DebtorIban, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync("Unmatched", NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(r.Confidence, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync("[]", NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(r.Amount.Value, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(JsonSerializer.Serialize(r.Candidates, RowJson.Options), NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(r.Explanation, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync("statement", NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>The import's former way: one INSERT of up to 2,000 rows sent as a JSON record set.</summary>
    public static async Task InsertAsJsonAsync(NpgsqlConnection connection, IEnumerable<IncomingEntry> rows, CancellationToken cancellationToken)
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
        }), RowJson.Options);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO bank_entries ({Columns}) SELECT {Columns} FROM jsonb_to_recordset($1) AS r({ColumnTypes}) ON CONFLICT DO NOTHING", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, type, cancellationToken);
}
