using System.Text.Json;
using O2C.Bench.Api;

namespace O2C.Bench.Faults;

/// <summary>
/// The light load faults are injected under: a few clients, each placing an order (then, for every
/// third invoice, a payment of 10.00 against it) and pausing briefly; every acknowledged order and
/// payment goes into the <see cref="WriteLedger"/>. Customers have a 60-day term, so none of their
/// invoices falls due during a run and the storms' checks see only their own cohorts.
/// </summary>
public sealed class IngestLoad(RetryingWriter writer, WriteLedger ledger, string runId, int customers, int clients) : IDisposable
{
    public const decimal PaymentAmount = 10.00m;
    public const int PaymentTermDays = 60;
    private static readonly TimeSpan ThinkTime = TimeSpan.FromMilliseconds(50);

    private CancellationTokenSource? _stopping;
    private Task? _running;
    private long _sequence;

    public string CustomerId(long i) => $"{runId}-ic{i % customers}";

    public async Task CreateCustomersAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < customers; i++)
        {
            using var answer = await writer.SendAsync(HttpMethod.Put, $"/v1/customers/{CustomerId(i)}", CustomerRequest.Sample(i, 60, PaymentTermDays), cancellationToken)
                ?? throw new InvalidOperationException($"customer {CustomerId(i)} could not be created");
        }
    }

    /// <summary>Starts the clients, placing orders dated <paramref name="orderDate"/> (the business day now).</summary>
    public void Start(DateOnly orderDate)
    {
        _stopping = new CancellationTokenSource();
        var token = _stopping.Token;
        _running = Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() => ClientAsync(orderDate, token), CancellationToken.None)));
    }

    /// <summary>Stops placing new orders; writes under way are retried until acknowledged or given up on.</summary>
    public async Task StopAsync()
    {
        if (_stopping is null || _running is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _running;
        _stopping.Dispose();
        _stopping = null;
    }

    /// <summary>Places one order and records it when acknowledged; returns its invoice id.</summary>
    public async Task<string?> PlaceOrderAsync(string orderId, string customerId, DateOnly orderDate, bool once, CancellationToken cancellationToken)
    {
        var order = OrderRequest.Sample(orderId, customerId, orderDate);
        using var answer = once
            ? await writer.TryOnceAsync(HttpMethod.Post, "/v1/orders", order, cancellationToken)
            : await writer.SendAsync(HttpMethod.Post, "/v1/orders", order, cancellationToken);
        if (answer is null)
        {
            if (!once)
            {
                ledger.OrderAbandoned();
            }

            return null;
        }

        var invoiceId = answer.RootElement.TryGetProperty("invoiceId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        ledger.Order(orderId, invoiceId);
        return invoiceId ?? "";
    }

    public void Dispose() => _stopping?.Dispose();

    private async Task ClientAsync(DateOnly orderDate, CancellationToken stopping)
    {
        var receivedAt = new DateTimeOffset(orderDate.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        while (!stopping.IsCancellationRequested)
        {
            var i = Interlocked.Increment(ref _sequence);
            var invoiceId = await PlaceOrderAsync($"{runId}-o{i}", CustomerId(i), orderDate, once: false, CancellationToken.None);
            if (!string.IsNullOrEmpty(invoiceId) && i % 3 == 0)
            {
                var paymentId = $"{runId}-p{i}";
                using var paid = await writer.SendAsync(HttpMethod.Post, "/v1/payments", new PaymentRequest(paymentId, PaymentAmount, "EUR", receivedAt, invoiceId), CancellationToken.None);
                if (paid is null)
                {
                    ledger.PaymentAbandoned(paymentId, invoiceId);
                }
                else
                {
                    ledger.Payment(paymentId, invoiceId, PaymentAmount);
                }
            }

            await Task.Delay(ThinkTime, CancellationToken.None);
        }
    }
}
