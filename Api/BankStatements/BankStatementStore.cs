using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using O2C.CashApplication.Matching;
using O2C.Grains.Interfaces.Payments;
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

    /// <summary>
    /// Records new results in one transaction: every payment in <c>bank_entries</c>, and each queued one also in
    /// <c>payments</c> (the one queue collectors work, with its candidates) and with what it was, for matching it again
    /// later. The rows go by binary COPY straight into both tables. COPY cannot skip a row recorded already, so when a
    /// concurrent import of the same entries got there first (a unique violation), the transaction is rolled back and
    /// redone through a temporary table, keeping the first rows of every payment.
    /// </summary>
    public async Task RecordEntriesAsync(
        IReadOnlyList<EntryResult> results, IReadOnlyDictionary<string, QueuedStatementPayment> queued, DateTimeOffset now, CancellationToken cancellationToken,
        EntryRowTransport transport = EntryRowTransport.BinaryCopy)
    {
        if (results.Count == 0)
        {
            return;
        }

        var rows = results.Select(r => new IncomingEntry(r, queued.GetValueOrDefault(r.PaymentId))).ToList();
        if (transport == EntryRowTransport.BinaryCopy)
        {
            try
            {
                await InTransactionAsync(async connection =>
                {
                    await EntryRows.CopyAsync(connection, "bank_entries", rows, cancellationToken);
                    await EntryRows.CopyQueuedPaymentsAsync(connection, rows, now, cancellationToken);
                }, cancellationToken);
                return;
            }
            catch (PostgresException conflict) when (conflict.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                transport = EntryRowTransport.BinaryCopyThroughTemporaryTable;
            }
        }

        await InTransactionAsync(async connection =>
        {
            if (transport == EntryRowTransport.BinaryCopyThroughTemporaryTable)
            {
                await ExecuteAsync(connection, $"CREATE TEMP TABLE incoming_entries ({EntryRows.ColumnTypes}) ON COMMIT DROP", cancellationToken);
                await EntryRows.CopyAsync(connection, "incoming_entries", rows, cancellationToken);
                await ExecuteAsync(connection,
                    $"INSERT INTO bank_entries ({EntryRows.Columns}) SELECT {EntryRows.Columns} FROM incoming_entries ON CONFLICT DO NOTHING", cancellationToken);
            }
            else
            {
                foreach (var chunk in rows.Chunk(RowsPerInsert))
                {
                    await EntryRows.InsertAsJsonAsync(connection, chunk, cancellationToken);
                }
            }

            await ExecuteAsync(connection,
                """
                INSERT INTO payments (payment_id, content_hash, amount, currency, received_at, payer_name, payer_iban, status, confidence, allocations,
                    unallocated, candidates, explanation, source, recorded_at)
                SELECT payment_id, encode(sha256(convert_to(payment_key, 'UTF8')), 'hex'), amount, currency,
                    coalesce(((result->>'bookingDate')::date::timestamp AT TIME ZONE 'UTC'), $1), debtor_name, debtor_iban, 'Unmatched',
                    (result->>'confidence')::int, '[]', amount, coalesce(result->'candidates', '[]'), result->>'explanation', 'statement', $1
                FROM bank_entries
                WHERE payment_id = ANY($2) AND status = 'Unmatched' AND payment IS NOT NULL
                ON CONFLICT (payment_id) DO NOTHING
                """,
                cancellationToken, now, rows.Where(r => r.Queued is not null).Select(r => r.Result.PaymentId).ToArray());
        }, cancellationToken);
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

    /// <summary>
    /// A queued statement payment was booked after its import (a collector's allocation, a re-match): its import record
    /// says so too, so a re-import of the statement answers with what happened since.
    /// </summary>
    public async Task RecordBookingAsync(PaymentResult booking, string rule, string explanation, CancellationToken cancellationToken)
    {
        var status = ImportRun.StatusOf(booking.Status);
        var patch = new
        {
            status,
            rule,
            booking.Allocations,
            booking.Unallocated,
            candidates = status == EntryStatus.Unmatched ? null : Array.Empty<object>(),
            explanation,
        };
        await using var command = dataSource.CreateCommand(
            "UPDATE bank_entries SET status = $2, result = result || jsonb_strip_nulls($3), allocated_at = now() WHERE payment_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = booking.PaymentId });
        command.Parameters.Add(new NpgsqlParameter { Value = status.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(patch, RowJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Queued statement payments that an invoice of one of <paramref name="customers"/> might settle: from a payer known
    /// for one of them (or guessed as theirs by the matcher), or naming one of <paramref name="patterns"/> (invoice numbers,
    /// references, upper case) anywhere in what the bank sent. Null for both: every queued one (after a start).
    /// </summary>
    public async Task<List<(string PaymentId, BankPayment Payment)>> QueuedForRematchAsync(
        IReadOnlyList<string>? customers, IReadOnlyList<string>? patterns, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT b.payment_id, b.payment::text
            FROM bank_entries b JOIN payments p ON p.payment_id = b.payment_id AND p.status = 'Unmatched'
            WHERE b.status = 'Unmatched' AND b.payment IS NOT NULL
              AND ($1::text[] IS NULL
                OR b.debtor_hint = ANY($1)
                OR b.debtor_iban IN (SELECT iban FROM payer_accounts WHERE customer_id = ANY($1) AND iban <> '')
                OR b.debtor_name IN (SELECT name FROM payer_accounts WHERE customer_id = ANY($1) AND name <> '')
                OR upper(b.payment::text) LIKE ANY($2))
            ORDER BY b.imported_at, b.payment_key
            LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)customers?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)patterns?.ToArray() ?? Array.Empty<string>(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var queued = new List<(string, BankPayment)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (JsonSerializer.Deserialize<BankPayment>(reader.GetString(1), RowJson.Options) is { } payment)
            {
                queued.Add((reader.GetString(0), payment));
            }
        }

        return queued;
    }

    private static EntryResult Parse(string json) =>
        JsonSerializer.Deserialize<EntryResult>(json, RowJson.Options) ?? throw new InvalidOperationException("A bank entry's stored result is empty.");

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private async Task InTransactionAsync(Func<NpgsqlConnection, Task> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await work(connection);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
