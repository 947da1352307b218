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
        return await ReadOrdersAsync(reader, cancellationToken);
    }

    /// <summary>Both look-ups in one round trip: what is known of these order ids, and the currency of these customers.</summary>
    public async Task<(Dictionary<string, StoredOrder> Orders, Dictionary<string, string> Currencies)> BothAsync(
        IReadOnlyCollection<string> orderIds, IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var orders = new NpgsqlBatchCommand("SELECT order_id, customer_id, content_hash, status, invoice_id, reason FROM orders WHERE order_id = ANY($1)");
        orders.Parameters.Add(new NpgsqlParameter { Value = orderIds.ToArray() });
        var customers = new NpgsqlBatchCommand("SELECT customer_id, currency FROM customers WHERE customer_id = ANY($1)");
        customers.Parameters.Add(new NpgsqlParameter { Value = customerIds.ToArray() });
        batch.BatchCommands.Add(orders);
        batch.BatchCommands.Add(customers);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var stored = await ReadOrdersAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var currencies = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            currencies[reader.GetString(0)] = reader.GetString(1);
        }

        return (stored, currencies);
    }

    private static async Task<Dictionary<string, StoredOrder>> ReadOrdersAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StoredOrder>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = new StoredOrder(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
        }

        return found;
    }
}
