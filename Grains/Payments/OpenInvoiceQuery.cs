using Npgsql;
using O2C.Grains.Invoicing;

namespace O2C.Grains.Payments;

/// <summary>
/// Candidate invoices for matching a payment, read from the committed invoice rows. A written-off
/// invoice stays a candidate for what was written off and not yet recovered, so money paid on it
/// later is matched and booked as a recovery.
/// </summary>
public sealed class OpenInvoiceQuery(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<OpenInvoice>> CandidatesAsync(IncomingPayment payment)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT invoice_id, customer_id, payment_reference, currency, outstanding + written_off - recovered, due_date FROM invoices
            WHERE (outstanding > 0 OR written_off > recovered) AND (invoice_id = $1 OR payment_reference = $2 OR customer_id = $3)
            ORDER BY due_date, invoice_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)payment.InvoiceId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = payment.Reference is { } reference ? PaymentReference.Normalize(reference) : DBNull.Value,
            NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text,
        });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)payment.CustomerId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync();
        var invoices = new List<OpenInvoice>();
        while (await reader.ReadAsync())
        {
            invoices.Add(new OpenInvoice(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDecimal(4),
                reader.GetFieldValue<DateOnly>(5)));
        }

        return invoices;
    }
}
