using System.Diagnostics;

namespace O2C.Storage;

/// <summary>One caller's unit of work waiting for the next group commit.</summary>
internal sealed class PendingCommit(
    StateWrite? state,
    IReadOnlyList<SqlStatement> statements,
    IReadOnlyList<QueuedRow> rows)
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StateWrite? State { get; } = state;

    /// <summary>Run only when the state write (if any) matched its version.</summary>
    public IReadOnlyList<SqlStatement> Statements { get; } = statements;

    /// <summary>Rows of multi-row statements (projections, audit, outbox), sent with those of the whole group: one statement each.</summary>
    public IReadOnlyList<QueuedRow> Rows { get; } = rows;

    /// <summary>The span of the grain call that queued this write (when traced), for the group commit's span.</summary>
    public ActivityContext Caller { get; } = Activity.Current?.Context ?? default;


    public Task Completion => _completion.Task;

    public void Succeed() => _completion.TrySetResult();

    public void Fail(Exception error) => _completion.TrySetException(error);

    // Orleans' own exception: the runtime deactivates the activation that holds the stale state.
    public void Conflict() => _completion.TrySetException(new Orleans.Storage.InconsistentStateException(
        $"The state {State!.StateName} of {State.Grain} changed since version {State.ExpectedVersion} was read.",
        storedEtag: null!,
        currentEtag: State.ExpectedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture)!));
}
