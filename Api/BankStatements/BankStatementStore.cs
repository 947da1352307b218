using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using O2C.CashApplication.Matching;
using O2C.Storage;

namespace O2C.Api.BankStatements;

/// <summary>
/// The import's tables (<c>bank_statements</c>, <c>bank_entries</c>, migration 0015) and what it reads to match: open
/// invoices and known payers. Look-ups take a whole document's keys at once (<c>= ANY($1)</c>), never one query per entry.
/// </summary>
public sealed class BankStatementStore(NpgsqlDataSource dataSource)
{
    private const int RowsPerInsert = 2_000;

    public async Task<HashSet<string>> ImportedStatementsAsync(IReadOnlyList<string> statementKeys, CancellationToken cancellationToken)
    {
        var imported = new HashSet<string>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand("SELECT statement_key FROM bank_statements WHERE statement_key = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = statementKeys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            imported.Add(reader.GetString(0));
        }

        return imported;
    }

    /// <summary>The stored results of entries imported before, by entry key, in part order.</summary>
    public async Task<Dictionary<string, List<EntryResult>>> StoredEntriesAsync(IReadOnlyList<string> entryKeys, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, List<EntryResult>>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand("SELECT entry_key, result::text FROM bank_entries WHERE entry_key = ANY($1) ORDER BY entry_key, part");
        command.Parameters.Add(new NpgsqlParameter { Value = entryKeys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            if (!stored.TryGetValue(key, out var results))
            {
                stored[key] = results = [];
            }

            results.Add(Parse(reader.GetString(1)));
        }

        return stored;
    }

    /// <summary>Which of these payments a payment grain already booked: an import that broke off before recording its entries.</summary>
    public async Task<HashSet<string>> BookedPaymentsAsync(IReadOnlyList<string> paymentIds, CancellationToken cancellationToken)
    {
        var booked = new HashSet<string>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand("SELECT payment_id FROM payments WHERE payment_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = paymentIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            booked.Add(reader.GetString(0));
        }

        return booked;
    }

    /// <summary>Every invoice with money outstanding and every payer learnt so far, as the matcher's snapshot.</summary>
    public async Task<MatchingSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var items = new List<OpenItem>();
        await using (var command = dataSource.CreateCommand(
            "SELECT invoice_id, customer_id, payment_reference, currency, outstanding, due_date FROM invoices WHERE outstanding > 0"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var invoiceId = reader.GetString(0);
                items.Add(new OpenItem(invoiceId, invoiceId, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDecimal(4), reader.GetFieldValue<DateOnly>(5)));
            }
        }

        var payers = new List<KnownPayer>();
        await using (var command = dataSource.CreateCommand("SELECT customer_id, iban, name FROM payer_accounts"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                payers.Add(new KnownPayer(reader.GetString(0), NullIfEmpty(reader.GetString(1)), NullIfEmpty(reader.GetString(2))));
            }
        }

        return new MatchingSnapshot(items, payers);
    }

    /// <summary>Records new results; a payment recorded already (a concurrent import of the same entry) keeps its first row.</summary>
    public async Task RecordEntriesAsync(IReadOnlyList<EntryResult> results, CancellationToken cancellationToken)
    {
        foreach (var chunk in results.Chunk(RowsPerInsert))
        {
            var rows = chunk.Select(r => new
            {
                payment_key = r.PaymentKey,
                payment_id = r.PaymentId,
                entry_key = r.EntryKey,
                part = r.Part,
                statement_key = r.StatementKey,
                entry_index = r.Index,
                amount = r.Amount,
                currency = r.Currency,
                debtor_name = r.DebtorName,
                debtor_iban = r.DebtorIban,
                status = r.Status.ToString(),
                result = r,
            });
            await using var command = dataSource.CreateCommand(
                """
                INSERT INTO bank_entries (payment_key, payment_id, entry_key, part, statement_key, entry_index, amount, currency, debtor_name, debtor_iban, status, result)
                SELECT payment_key, payment_id, entry_key, part, statement_key, entry_index, amount, currency, debtor_name, debtor_iban, status, result
                FROM jsonb_to_recordset($1) AS r(payment_key text, payment_id text, entry_key text, part int, statement_key text, entry_index int,
                    amount numeric, currency text, debtor_name text, debtor_iban text, status text, result jsonb)
                ON CONFLICT DO NOTHING
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(rows, RowJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Marks a statement imported, after all its entries are recorded.</summary>
    public async Task RecordStatementAsync(StatementResult statement, string? messageId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO bank_statements (statement_key, account, statement_id, sequence, message_id, version, summary)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = statement.StatementKey });
        command.Parameters.Add(new NpgsqlParameter { Value = statement.Account });
        command.Parameters.Add(new NpgsqlParameter { Value = statement.StatementId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)statement.Sequence ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)messageId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = statement.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(statement, RowJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One recorded payment by its id, with its status, or null.</summary>
    public async Task<EntryResult?> EntryAsync(string paymentId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT result::text FROM bank_entries WHERE payment_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = paymentId });
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? Parse(json) : null;
    }

    /// <summary>Customer and currency of each of these invoices that exists.</summary>
    public async Task<Dictionary<string, (string CustomerId, string Currency)>> InvoicesAsync(IReadOnlyList<string> invoiceIds, CancellationToken cancellationToken)
    {
        var invoices = new Dictionary<string, (string CustomerId, string Currency)>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand("SELECT invoice_id, customer_id, currency FROM invoices WHERE invoice_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = invoiceIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            invoices[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return invoices;
    }

    /// <summary>Replaces a queued payment's result with the collector's allocation; false when it was no longer queued.</summary>
    public async Task<bool> RecordAllocationAsync(EntryResult result, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE bank_entries SET status = $2, result = $3, allocated_at = now() WHERE payment_id = $1 AND status = 'Unmatched'");
        command.Parameters.Add(new NpgsqlParameter { Value = result.PaymentId });
        command.Parameters.Add(new NpgsqlParameter { Value = result.Status.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(result, RowJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static EntryResult Parse(string json) =>
        JsonSerializer.Deserialize<EntryResult>(json, RowJson.Options) ?? throw new InvalidOperationException("A bank entry's stored result is empty.");

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
