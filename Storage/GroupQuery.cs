namespace O2C.Storage;

/// <summary>
/// A read many grains make at once, one key each (a case gathering its invoices, say), answered
/// for all waiting keys in one query: while one batch is at the database the next gathers. Under
/// light load a batch is a single key, so nobody waits for company.
/// </summary>
public sealed class GroupQuery<TKey, TResult> : IAsyncDisposable
    where TKey : notnull
{
    private readonly Storage.MicroBatcher<Pending> _batcher;

    /// <param name="query">Answers a batch of distinct keys; a key it leaves out gets <paramref name="missing"/>.</param>
    public GroupQuery(Func<IReadOnlyList<TKey>, Task<IReadOnlyDictionary<TKey, TResult>>> query, TResult missing, int maxBatchSize = 512, int loops = 2)
    {
        _batcher = new(maxBatchSize, loops, batch => AnswerAsync(batch, query, missing), pending => pending.Completion.TrySetException(
            new InvalidOperationException("The silo is stopping; no more reads are accepted.")));
        _batcher.Start();
    }

    public Task<TResult> GetAsync(TKey key)
    {
        var pending = new Pending(key);
        _batcher.Enqueue(pending);
        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync() => await _batcher.StopAsync(CancellationToken.None);

    private static async Task AnswerAsync(List<Pending> batch, Func<IReadOnlyList<TKey>, Task<IReadOnlyDictionary<TKey, TResult>>> query, TResult missing)
    {
        try
        {
            var answers = await query(batch.Select(p => p.Key).Distinct().ToList());
            foreach (var pending in batch)
            {
                pending.Completion.TrySetResult(answers.TryGetValue(pending.Key, out var answer) ? answer : missing);
            }
        }
        catch (Exception error)
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(error);
            }
        }
    }

    private sealed record Pending(TKey Key)
    {
        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
