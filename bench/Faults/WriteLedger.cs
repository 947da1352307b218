using System.Collections.Concurrent;

namespace O2C.Bench.Faults;

/// <summary>
/// Every write the cluster acknowledged (HTTP 2xx), which must survive every fault: orders with the
/// invoice their answer named, payments with the invoice and amount they were sent for. Writes a client
/// gave up on (no answer in time) are kept apart: they may or may not have happened.
/// </summary>
public sealed class WriteLedger
{
    private readonly ConcurrentDictionary<string, string?> _orders = new();
    private readonly ConcurrentDictionary<string, (string InvoiceId, decimal Amount)> _payments = new();
    private readonly ConcurrentDictionary<string, string> _abandonedPayments = new();
    private long _abandonedOrders;

    public int Orders => _orders.Count;

    public int Payments => _payments.Count;

    public long AbandonedOrders => Interlocked.Read(ref _abandonedOrders);

    public int AbandonedPayments => _abandonedPayments.Count;

    public void Order(string orderId, string? invoiceId) => _orders[orderId] = invoiceId;

    public void Payment(string paymentId, string invoiceId, decimal amount) => _payments[paymentId] = (invoiceId, amount);

    public void OrderAbandoned() => Interlocked.Increment(ref _abandonedOrders);

    public void PaymentAbandoned(string paymentId, string invoiceId) => _abandonedPayments[paymentId] = invoiceId;

    public (string[] OrderIds, string?[] InvoiceIds) OrderRows()
    {
        var rows = _orders.ToArray();
        return ([.. rows.Select(r => r.Key)], [.. rows.Select(r => r.Value)]);
    }

    public (string[] PaymentIds, string[] InvoiceIds, decimal[] Amounts) PaymentRows()
    {
        var rows = _payments.ToArray();
        return ([.. rows.Select(r => r.Key)], [.. rows.Select(r => r.Value.InvoiceId)], [.. rows.Select(r => r.Value.Amount)]);
    }

    /// <summary>Invoices a payment was sent to without an answer: their paid amount may be higher than acknowledged.</summary>
    public string[] InvoicesWithAbandonedPayments() => [.. _abandonedPayments.Values.Distinct()];
}
