using Npgsql;
using O2C.Grains.Interfaces.Dunning;
using O2C.Runtime;

namespace O2C.Grains.Dunning;

/// <summary>
/// The invoices that joined a case, from the committed invoice rows: an overdue invoice records
/// its case in its own transaction and wakes the case, which gathers them here on its next step.
/// At month-end thousands of cases step together, so their gathers share queries.
/// </summary>
public sealed class CaseInvoiceQuery : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupQuery<string, IReadOnlyList<CaseInvoiceRow>> _query;

    public CaseInvoiceQuery(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _query = new GroupQuery<string, IReadOnlyList<CaseInvoiceRow>>(ForCasesAsync, []);
    }

    public Task<IReadOnlyList<CaseInvoiceRow>> ForCaseAsync(string caseId) => _query.GetAsync(caseId);

    public ValueTask DisposeAsync() => _query.DisposeAsync();

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<CaseInvoiceRow>>> ForCasesAsync(IReadOnlyList<string> caseIds)
    {
        await using var command = _dataSource.CreateCommand(
            // One index look-up per case, whatever the planner guesses: right after a month-end ingest
            // the table may not be analyzed yet, and a guess of many rows per case meant a full scan.
            """
            SELECT c.id, i.customer_id, i.invoice_id, i.due_date, i.currency, i.outstanding, i.payment_reference, i.status
            FROM unnest($1::text[]) AS c(id)
            CROSS JOIN LATERAL (SELECT * FROM invoices WHERE case_id = c.id OFFSET 0) i
            ORDER BY c.id, i.due_date, i.invoice_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = caseIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string CaseId, CaseInvoiceRow Row)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), new CaseInvoiceRow(reader.GetString(1), new CaseInvoiceUpdate(
                reader.GetString(2), reader.GetFieldValue<DateOnly>(3), reader.GetString(4), reader.GetDecimal(5), reader.GetString(6),
                Disputed: reader.GetString(7) == nameof(Interfaces.Invoices.InvoiceStatus.Disputed)))));
        }

        return rows.GroupBy(r => r.CaseId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, IReadOnlyList<CaseInvoiceRow> (g) => [.. g.Select(r => r.Row)], StringComparer.Ordinal);
    }
}
