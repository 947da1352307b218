using System.Threading.Channels;

namespace O2C.Storage;

/// <summary>
/// Gathers items queued by many callers into batches handled by a few loops: while one batch
/// is at the database, the next one fills up. Under light load a batch is a single item, so
/// nobody waits for company; under heavy load round trips are shared.
/// </summary>
internal sealed class MicroBatcher<TItem>(int maxBatchSize, int loops, Func<List<TItem>, Task> handleBatch, Action<TItem> reject)
{
    private readonly Channel<TItem> _queue = Channel.CreateUnbounded<TItem>();
    private readonly List<Task> _loops = [];

    public void Enqueue(TItem item)
    {
        if (!_queue.Writer.TryWrite(item))
        {
            reject(item);
        }
    }

    public void Start()
    {
        for (var i = 0; i < Math.Max(1, loops); i++)
        {
            _loops.Add(Task.Run(RunAsync, CancellationToken.None));
        }
    }

    /// <summary>Takes no more items and finishes the queued ones.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return Task.WhenAll(_loops).WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var batch = new List<TItem>(maxBatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < maxBatchSize && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (batch.Count > 0)
            {
                await handleBatch(batch);
            }
        }
    }
}
