using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using O2C.Grains.Interfaces.Payments;
using O2C.Storage;

namespace O2C.Api.Payments;

/// <summary>What the collector's actions on the payment queue read: a payment's row and the invoices it is to be allocated to.</summary>
public sealed class PaymentQueueStore(NpgsqlDataSource dataSource)
{
    public async Task<PaymentRecord?> FindAsync(string paymentId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT p.payment_id, p.source, p.amount, p.currency, p.received_at, p.status, p.unallocated, p.payer_name, p.payer_iban, p.confidence,
                   p.candidates::text, p.explanation, b.payment_key
            FROM payments p LEFT JOIN bank_entries b ON b.payment_id = p.payment_id
            WHERE p.payment_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = paymentId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new PaymentRecord(
            reader.GetString(0), reader.GetString(1), reader.GetDecimal(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4),
            Enum.Parse<PaymentStatus>(reader.GetString(5)), reader.GetDecimal(6), Text(reader, 7), Text(reader, 8),
            reader.IsDBNull(9) ? null : reader.GetInt32(9),
            JsonSerializer.Deserialize<List<PaymentCandidate>>(reader.GetString(10), RowJson.Options) ?? [],
            Text(reader, 11), Text(reader, 12));
    }

    /// <summary>Customer, currency and outstanding amount of each of these invoices that exists.</summary>
    public async Task<Dictionary<string, OpenInvoiceFacts>> InvoicesAsync(IReadOnlyList<string> invoiceIds, CancellationToken cancellationToken)
    {
        var invoices = new Dictionary<string, OpenInvoiceFacts>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand("SELECT invoice_id, customer_id, currency, outstanding FROM invoices WHERE invoice_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = invoiceIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            invoices[reader.GetString(0)] = new OpenInvoiceFacts(reader.GetString(1), reader.GetString(2), reader.GetDecimal(3));
        }

        return invoices;
    }

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
