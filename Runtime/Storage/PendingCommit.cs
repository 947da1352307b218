namespace O2C.Runtime.Storage;

/// <summary>One caller's unit of work waiting for the next group commit.</summary>
internal sealed class PendingCommit(
    StateWrite? state,
    IReadOnlyList<SqlStatement> statements,
    IReadOnlyList<QueuedRow> rows,
    IReadOnlyList<CreatedState> created,
    IReadOnlyList<ReminderOp> reminders)
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StateWrite? State { get; } = state;

    /// <summary>Run only when the state write (if any) matched its version.</summary>
    public IReadOnlyList<SqlStatement> Statements { get; } = statements;

    /// <summary>Rows of multi-row statements (projections, audit, outbox), sent with those of the whole group: one statement each.</summary>
    public IReadOnlyList<QueuedRow> Rows { get; } = rows;

    /// <summary>Other grains' first states, created with this write.</summary>
    public IReadOnlyList<CreatedState> Created { get; } = created;

    /// <summary>Reminder changes, applied with those of the whole group.</summary>
    public IReadOnlyList<ReminderOp> Reminders { get; } = reminders;

    public Task Completion => _completion.Task;

    public void Succeed() => _completion.TrySetResult();

    public void Fail(Exception error) => _completion.TrySetException(error);

    public void Conflict() => _completion.TrySetException(
        new InconsistentStateException(State!.Grain, State.StateName, State.ExpectedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
