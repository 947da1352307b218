using Npgsql;
using O2C.Storage;

namespace O2C.Grains.Customers;

/// <summary>
/// The open invoices of customers being activated, from the committed invoice rows: a customer's
/// state does not carry them, so it stays small however many invoices are open, and a payment
/// whose notice to the customer was lost still counts. Customers activating together share queries.
/// </summary>
public sealed class CustomerExposureQuery : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupQuery<string, IReadOnlyList<KeyValuePair<string, decimal>>> _query;

    public CustomerExposureQuery(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _query = new GroupQuery<string, IReadOnlyList<KeyValuePair<string, decimal>>>(ForCustomersAsync, []);
    }

    public async Task<CustomerExposure> ForCustomerAsync(string customerId) => new(await _query.GetAsync(customerId));

    public ValueTask DisposeAsync() => _query.DisposeAsync();

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, decimal>>>> ForCustomersAsync(IReadOnlyList<string> customerIds)
    {
        await using var command = _dataSource.CreateCommand(
            // One index look-up per customer, whatever the planner guesses.
            """
            SELECT c.id, i.invoice_id, i.outstanding
            FROM unnest($1::text[]) AS c(id)
            CROSS JOIN LATERAL (SELECT invoice_id, outstanding FROM invoices WHERE customer_id = c.id AND outstanding > 0 OFFSET 0) i
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = customerIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string CustomerId, KeyValuePair<string, decimal> Invoice)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), new(reader.GetString(1), reader.GetDecimal(2))));
        }

        return rows.GroupBy(r => r.CustomerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, IReadOnlyList<KeyValuePair<string, decimal>> (g) => [.. g.Select(r => r.Invoice)], StringComparer.Ordinal);
    }
}
