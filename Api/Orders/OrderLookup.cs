using Npgsql;

namespace O2C.Api.Orders;

/// <summary>Reads what the orders and customers tables already know about the ids in a request.</summary>
public sealed class OrderLookup(NpgsqlDataSource dataSource)
{
    public async Task<Dictionary<string, StoredOrder>> OrdersAsync(IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT order_id, customer_id, content_hash, status, invoice_id, reason FROM orders WHERE order_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = orderIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new Dictionary<string, StoredOrder>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = new StoredOrder(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
        }

        return found;
    }

    /// <summary>Currency of each existing customer among <paramref name="customerIds"/>.</summary>
    public async Task<Dictionary<string, string>> CustomerCurrenciesAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT customer_id, currency FROM customers WHERE customer_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = customerIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = reader.GetString(1);
        }

        return found;
    }
}
