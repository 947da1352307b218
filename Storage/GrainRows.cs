using O2C.Clock;

namespace O2C.Storage;

/// <summary>
/// Turns a grain's <see cref="CommitRows"/> into group-commit work: with its state write (the
/// <see cref="O2CGrainStorage"/> path, one transaction), or on their own after a state write another
/// provider made (the stock AdoNet path).
/// </summary>
public sealed class GrainRows
{
    private readonly GroupCommitter _committer;
    private readonly BusinessClock _clock;

    internal GrainRows(GroupCommitter committer, BusinessClock clock)
    {
        _committer = committer;
        _clock = clock;
    }

    /// <summary>Writes rows a grain staged, after its state was written elsewhere.</summary>
    public Task WriteAsync(Orleans.Runtime.GrainId grain, CommitRows rows) =>
        rows.HasRows ? CommitAsync(StateRowKey.Of(grain), state: null, rows) : Task.CompletedTask;

    internal Task CommitAsync(StateRowKey grain, StateWrite? state, CommitRows? rows)
    {
        if (rows is null || !rows.HasRows)
        {
            return _committer.CommitAsync(state, []);
        }

        var now = _clock.GetUtcNow();
        var queued = new List<QueuedRow>(rows.Rows.Count + rows.Events.Count + rows.Outbox.Count);
        queued.AddRange(rows.Rows);
        queued.AddRange(rows.Events.Select(e => new QueuedRow(RuntimeRows.Events, [grain.Type, grain.Key, now, e.Kind, e.Data])));
        queued.AddRange(rows.Outbox.Select(m => new QueuedRow(RuntimeRows.Outbox, [grain.Type, grain.Key, m.Topic, m.Payload, now])));
        return _committer.CommitAsync(state, rows.Projections, queued);
    }
}
