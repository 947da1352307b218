using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace O2C.Runtime.Storage;

/// <summary>
/// Group commit: writes from many grains queue here and share transactions, so a thousand
/// concurrent writes cost a handful of commits instead of a thousand. A version conflict
/// only fails its own write; an error in one write is isolated by retrying the batch one by one.
/// </summary>
internal sealed partial class GroupCommitter(
    NpgsqlDataSource dataSource,
    IOptions<GrainStorageOptions> options,
    ILogger<GroupCommitter> logger) : IHostedService
{
    private readonly Channel<PendingCommit> _queue = Channel.CreateUnbounded<PendingCommit>(new UnboundedChannelOptions { SingleReader = false });
    private readonly List<Task> _writers = [];

    public Task CommitAsync(StateWrite? state, IReadOnlyList<SqlStatement> statements)
    {
        var pending = new PendingCommit(state, statements);
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Fail(new InvalidOperationException("The silo is stopping; no more writes are accepted."));
        }

        return pending.Completion;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < Math.Max(1, options.Value.Writers); i++)
        {
            _writers.Add(Task.Run(WriteLoopAsync, CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Accepted writes are drained, not dropped: callers were promised durability.
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers).WaitAsync(cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingCommit>(options.Value.MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < options.Value.MaxBatchSize && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count > 0)
            {
                await CommitBatchAsync(batch);
            }
        }
    }

    private async Task CommitBatchAsync(List<PendingCommit> batch)
    {
        try
        {
            var conflicts = await TryCommitAsync(batch);
            foreach (var pending in batch)
            {
                if (conflicts.Contains(pending)) pending.Conflict();
                else pending.Succeed();
            }
        }
        catch (Exception error) when (batch.Count > 1)
        {
            LogBatchRetry(logger, batch.Count, error.Message);
            foreach (var pending in batch)
            {
                await CommitBatchAsync([pending]);
            }
        }
        catch (Exception error)
        {
            batch[0].Fail(error);
        }
    }

    private async Task<HashSet<PendingCommit>> TryCommitAsync(List<PendingCommit> batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var conflicts = new HashSet<PendingCommit>();

        var stateWrites = batch.Where(p => p.State is not null).ToList();
        if (stateWrites.Count > 0)
        {
            await using var versioned = new NpgsqlBatch(connection, transaction);
            foreach (var pending in stateWrites)
            {
                versioned.BatchCommands.Add(pending.State!.ToStatement().ToBatchCommand());
            }

            await versioned.ExecuteNonQueryAsync();
            for (var i = 0; i < stateWrites.Count; i++)
            {
                if (versioned.BatchCommands[i].RecordsAffected == 0)
                {
                    conflicts.Add(stateWrites[i]);
                }
            }
        }

        await connection.ExecuteAsync(batch.Where(p => !conflicts.Contains(p)).SelectMany(p => p.Statements), transaction, CancellationToken.None);
        await transaction.CommitAsync();
        return conflicts;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group commit of {Count} writes failed ({Error}); retrying them one by one")]
    private static partial void LogBatchRetry(ILogger logger, int count, string error);
}
