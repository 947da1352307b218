using O2C.Bench.Api;
using O2C.Bench.Load;

namespace O2C.Bench.Scenarios;

/// <summary>The setup steps scenarios share: customers over <c>PUT /v1/customers</c>, orders over the batch API.</summary>
public static class Workload
{
    public const int SetupClients = 64;
    public const int SetupBatchClients = 4;
    public const int MaxBatch = 1000;

    public static string CustomerId(string runId, long i) => $"{runId}-c{i}";

    public static string OrderId(string runId, string tag, long i) => $"{runId}-{tag}-o{i}";

    public static DateOnly OrderDate => DateOnly.FromDateTime(ScenarioContext.Epoch.UtcDateTime);

    public static async Task<LoadResult> CreateCustomersAsync(O2CApiClient api, string runId, int count, Func<long, int?> creditScore, int paymentTermDays, CancellationToken cancellationToken)
    {
        var result = await LoadGenerator.RunAsync(LoadShape.Closed(SetupClients, requests: count), async (i, token) =>
        {
            await api.PutCustomerAsync(CustomerId(runId, i), CustomerRequest.Sample((int)i, creditScore(i), paymentTermDays), token);
            return 1;
        }, cancellationToken);
        return result.Errors == 0 ? result : throw new InvalidOperationException($"{result.Errors} of {count} customer upserts failed, first: {result.FirstError}");
    }

    /// <summary>Sends <paramref name="orders"/> orders in batches of <paramref name="batchSize"/> under <paramref name="shape"/> (its request count is set here).</summary>
    public static Task<LoadResult> SendBatchesAsync(
        O2CApiClient api, LoadShape shape, int orders, int batchSize, Func<long, OrderRequest> order, OrderOutcomes outcomes, CancellationToken cancellationToken)
    {
        var batches = (orders + batchSize - 1) / batchSize;
        return LoadGenerator.RunAsync(shape with { Requests = batches }, async (b, token) =>
        {
            var first = b * batchSize;
            var batch = new List<OrderRequest>(batchSize);
            for (var i = first; i < Math.Min(first + batchSize, orders); i++)
            {
                batch.Add(order(i));
            }

            await api.PlaceBatchAsync(batch, outcomes, token);
            return batch.Count;
        }, cancellationToken);
    }

    /// <summary>
    /// Unmeasured closed-loop load for <paramref name="duration"/> (nothing when zero); returns how much
    /// it sent, for the figure's note. A failed warm-up stops the run: the measurement would be of a broken silo.
    /// </summary>
    public static async Task<string> WarmUpAsync(TimeSpan duration, int concurrency, Func<long, CancellationToken, Task<int>> send, CancellationToken cancellationToken)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "no warm-up";
        }

        var result = await LoadGenerator.RunAsync(LoadShape.Closed(concurrency, duration: duration), send, cancellationToken);
        return result.Errors == 0
            ? $"{result.Units:N0} orders of unmeasured warm-up ({duration.TotalSeconds:0.#} s)"
            : throw new InvalidOperationException($"warm-up: {result.Errors} failed requests, first: {result.FirstError}");
    }

    /// <summary>Setup ingest: every order must come back <c>Invoiced</c>.</summary>
    public static async Task<LoadResult> IssueInvoicesAsync(O2CApiClient api, int orders, Func<long, OrderRequest> order, CancellationToken cancellationToken)
    {
        var outcomes = new OrderOutcomes();
        var result = await SendBatchesAsync(api, LoadShape.Closed(SetupBatchClients), orders, MaxBatch, order, outcomes, cancellationToken);
        if (result.Errors > 0 || outcomes.Count("Invoiced") != orders)
        {
            throw new InvalidOperationException($"setup ingest: {result.Errors} failed batches (first: {result.FirstError}); outcomes: {outcomes}");
        }

        return result;
    }
}
