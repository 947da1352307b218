using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using O2C.Telemetry;

namespace O2C.Storage;

/// <summary>
/// Group commit: writes from many grains queue here and share transactions, so a thousand
/// concurrent writes cost a handful of commits instead of a thousand. A version conflict
/// only fails its own write; an error in one write is isolated by retrying the batch one by one.
/// </summary>
internal sealed partial class GroupCommitter(
    NpgsqlDataSource dataSource,
    IOptions<GrainStorageOptions> options,
    ILogger<GroupCommitter> logger)
{
    private readonly MicroBatcher<PendingCommit> _batcher = new(
        options.Value.MaxBatchSize,
        options.Value.Writers,
        batch => CommitTracedAsync(batch, dataSource, logger),
        pending => pending.Fail(new InvalidOperationException("The silo is stopping; no more writes are accepted.")));

    public Task CommitAsync(
        StateWrite? state,
        IReadOnlyList<SqlStatement> statements,
        IReadOnlyList<QueuedRow>? rows = null)
    {
        var pending = new PendingCommit(state, statements, rows ?? []);
        _batcher.Enqueue(pending);
        return pending.Completion;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _batcher.Start();
        return Task.CompletedTask;
    }

    // Accepted writes are drained, not dropped: callers were promised durability.
    public Task StopAsync(CancellationToken cancellationToken) => _batcher.StopAsync(cancellationToken);

    /// <summary>
    /// A traced write's SQL belongs to the trace of the grain call that queued it: the group commit is
    /// a span under the first traced write's call, linked to the other traced writes it carried, and
    /// the statements nest under it. A group of untraced writes opens no span.
    /// </summary>
    private static async Task CommitTracedAsync(List<PendingCommit> batch, NpgsqlDataSource dataSource, ILogger logger)
    {
        if (!O2CTracing.Source.HasListeners())
        {
            await CommitBatchAsync(batch, dataSource, logger);
            return;
        }

        var traced = batch.Where(p => p.Caller != default).Select(p => p.Caller).ToList();
        using var span = traced.Count == 0
            ? null
            : O2CTracing.Source.StartActivity(
                "o2c.group_commit", ActivityKind.Internal, traced[0], links: traced.Skip(1).Select(c => new ActivityLink(c)));
        span?.SetTag("o2c.writes", batch.Count);
        await CommitBatchAsync(batch, dataSource, logger);
    }

    private static async Task CommitBatchAsync(List<PendingCommit> batch, NpgsqlDataSource dataSource, ILogger logger)
    {
        try
        {
            var conflicts = await TryCommitAsync(batch, dataSource);
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
                await CommitBatchAsync([pending], dataSource, logger);
            }
        }
        catch (Exception error)
        {
            batch[0].Fail(error);
        }
    }

    private static async Task<HashSet<PendingCommit>> TryCommitAsync(List<PendingCommit> batch, NpgsqlDataSource dataSource)
    {
        if (await TryCommitInOneRoundTripAsync(batch, dataSource))
        {
            return [];
        }

        return await CommitAroundStaleWritesAsync(batch, dataSource);
    }

    /// <summary>
    /// The usual case, every version check passing: state writes, rows and commit go in one batch,
    /// which PostgreSQL runs as one implicit transaction. False when a version check failed (and
    /// nothing was written).
    /// </summary>
    private static async Task<bool> TryCommitInOneRoundTripAsync(List<PendingCommit> batch, NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var commands = new NpgsqlBatch(connection);
        foreach (var command in VersionedWrites.Checked(batch.Where(p => p.State is not null).ToList()))
        {
            commands.BatchCommands.Add(command);
        }

        AddRows(commands, batch);
        if (commands.BatchCommands.Count == 0)
        {
            return true;
        }

        try
        {
            await commands.ExecuteNonQueryAsync();
            return true;
        }
        catch (PostgresException error) when (error.SqlState == VersionedWrites.VersionCheckFailed)
        {
            return false;
        }
    }

    /// <summary>A stale activation wrote: find its writes, then commit the rest with their rows.</summary>
    private static async Task<HashSet<PendingCommit>> CommitAroundStaleWritesAsync(List<PendingCommit> batch, NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var stateWrites = batch.Where(p => p.State is not null).ToList();
        var conflicts = stateWrites.Count > 0 ? await VersionedWrites.ApplyAsync(connection, transaction, stateWrites) : [];

        await using var rows = new NpgsqlBatch(connection, transaction);
        AddRows(rows, batch.Where(p => !conflicts.Contains(p)).ToList());
        if (rows.BatchCommands.Count > 0)
        {
            await rows.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return conflicts;
    }

    private static void AddRows(NpgsqlBatch commands, List<PendingCommit> accepted)
    {
        // Multi-row statements in the order each first appears; the rows of one statement keep queue order.
        foreach (var statement in accepted.SelectMany(p => p.Rows).GroupBy(r => r.Statement))
        {
            commands.BatchCommands.Add(statement.Key.ToBatchCommand(statement.Select(r => r.Values).ToList()));
        }

        foreach (var statement in accepted.SelectMany(p => p.Statements))
        {
            commands.BatchCommands.Add(statement.ToBatchCommand());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group commit of {Count} writes failed ({Error}); retrying them one by one")]
    private static partial void LogBatchRetry(ILogger logger, int count, string error);
}
