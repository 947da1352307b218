namespace O2C.Bench.Scenarios;

/// <summary>
/// Counts the rows a real ingest inserted for this run's orders, to check the P-COPY row model
/// (<see cref="Ceilings.OrderRows"/>: its inserted rows per order, besides the 2 new row versions of the customer).
/// </summary>
public static class RowCount
{
    public static async Task<double> InsertedPerOrderAsync(string connectionString, string runId)
    {
        var orders = $"{runId}-%";
        var invoices = $"INV-{runId}-%";
        var inserted =
            await Sql.CountAsync(connectionString, "SELECT count(*) FROM orders WHERE order_id LIKE $1", orders)
            + await Sql.CountAsync(connectionString, "SELECT count(*) FROM invoices WHERE invoice_id LIKE $1", invoices)
            + await Sql.CountAsync(connectionString, "SELECT count(*) FROM grain_state WHERE grain_type = 'invoice' AND grain_key LIKE $1", invoices)
            + await Sql.CountAsync(connectionString, "SELECT count(*) FROM orleansreminderstable WHERE grainid LIKE $1", $"invoice/{invoices}")
            + await Sql.CountAsync(connectionString, "SELECT count(*) FROM grain_events WHERE grain_key LIKE $1 AND kind = 'OrderInvoiced'", orders)
            + await Sql.CountAsync(connectionString, "SELECT count(*) FROM grain_events WHERE grain_key LIKE $1 AND kind = 'InvoiceIssued'", invoices);
        var count = await Sql.CountAsync(connectionString, "SELECT count(*) FROM orders WHERE order_id LIKE $1", orders);
        return count == 0 ? 0 : (double)inserted / count;
    }
}
