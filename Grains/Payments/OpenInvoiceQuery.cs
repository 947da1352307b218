using Npgsql;
using NpgsqlTypes;
using O2C.Grains.Invoicing;

namespace O2C.Grains.Payments;

/// <summary>
/// Candidate invoices for matching a payment, read from the committed invoice rows. A written-off
/// invoice stays a candidate for what was written off and not yet recovered, so money paid on it
/// later is matched and booked as a recovery.
/// </summary>
public sealed class OpenInvoiceQuery(NpgsqlDataSource dataSource)
{
    private const string Columns = "SELECT invoice_id, customer_id, payment_reference, currency, outstanding, due_date FROM invoices";

    public Task<IReadOnlyList<OpenInvoice>> CandidatesAsync(IncomingPayment payment) => ReadAsync(
        "SELECT invoice_id, customer_id, payment_reference, currency, outstanding + written_off - recovered, due_date FROM invoices"
        + " WHERE (outstanding > 0 OR written_off > recovered) AND (invoice_id = $1 OR payment_reference = $2 OR customer_id = $3) ORDER BY due_date, invoice_id",
        Text(payment.InvoiceId), Text(payment.Reference is { } reference ? PaymentReference.Normalize(reference) : null), Text(payment.CustomerId));

    /// <summary>The oldest open invoices owing exactly this amount: what a collector looks at first for a payment nobody named.</summary>
    public Task<IReadOnlyList<OpenInvoice>> WithOutstandingAsync(decimal amount, string currency) => ReadAsync(
        $"{Columns} WHERE currency = $1 AND outstanding = $2 ORDER BY due_date, invoice_id LIMIT {PaymentQueue.MaxCandidates}",
        Text(currency), new NpgsqlParameter { Value = amount, NpgsqlDbType = NpgsqlDbType.Numeric });

    /// <summary>A customer's oldest open invoices in a currency: where an overpayment's surplus could go.</summary>
    public Task<IReadOnlyList<OpenInvoice>> OfCustomerAsync(string customerId, string currency) => ReadAsync(
        $"{Columns} WHERE customer_id = $1 AND currency = $2 AND outstanding > 0 ORDER BY due_date, invoice_id LIMIT {PaymentQueue.MaxCandidates + 5}",
        Text(customerId), Text(currency));

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private async Task<IReadOnlyList<OpenInvoice>> ReadAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
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
