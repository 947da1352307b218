using Npgsql;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Dunning;

/// <summary>
/// The invoices that joined a case, from the committed invoice rows: an overdue invoice records
/// its case in its own transaction and wakes the case, which gathers them here on its next step.
/// </summary>
public sealed class CaseInvoiceQuery(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<CaseInvoiceRow>> ForCaseAsync(string caseId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT customer_id, invoice_id, due_date, currency, outstanding, payment_reference, status FROM invoices WHERE case_id = $1 ORDER BY due_date, invoice_id");
        command.Parameters.Add(new NpgsqlParameter { Value = caseId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<CaseInvoiceRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new CaseInvoiceRow(reader.GetString(0), new CaseInvoiceUpdate(
                reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetString(3), reader.GetDecimal(4), reader.GetString(5),
                Disputed: reader.GetString(6) == nameof(Interfaces.Invoices.InvoiceStatus.Disputed))));
        }

        return rows;
    }
}
