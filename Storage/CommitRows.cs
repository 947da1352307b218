using System.Text.Json;

namespace O2C.Storage;

/// <summary>
/// What goes with a grain's state write: query rows projected from the state, audit events and
/// outbox messages (committed in the same transaction by <see cref="O2CGrainStorage"/>), and the
/// grain's reminder changes (applied through Orleans' reminder service around the write). Queries
/// read these rows, never an activation's memory, so they can never be ahead of the stored truth.
/// </summary>
public sealed class CommitRows
{
    private readonly List<SqlStatement> _projections = [];
    private readonly List<QueuedRow> _rows = [];
    private readonly List<AuditEvent> _events = [];
    private readonly List<OutboxMessage> _outbox = [];
    private readonly List<ReminderChange> _reminders = [];
    private readonly List<Action> _committed = [];

    public IReadOnlyList<SqlStatement> Projections => _projections;

    internal IReadOnlyList<QueuedRow> Rows => _rows;
    public IReadOnlyList<AuditEvent> Events => _events;
    public IReadOnlyList<OutboxMessage> Outbox => _outbox;

    public IReadOnlyList<ReminderChange> Reminders => _reminders;

    /// <summary>What to do once these rows are committed (business metrics): never for a write that failed.</summary>
    public IReadOnlyList<Action> Committed => _committed;

    /// <summary>
    /// The reminder changes to commit in the state's transaction (<see cref="GrainRows.RemindersWithState"/>),
    /// chosen by the grain's base class from <see cref="Reminders"/>: the last change of each, less
    /// what is already stored and the reminder being handled (changed only once its handler ends).
    /// </summary>
    public IReadOnlyList<ReminderChange>? ReminderRows { get; set; }

    public bool IsEmpty => _projections.Count == 0 && _rows.Count == 0 && _events.Count == 0 && _outbox.Count == 0 && _reminders.Count == 0;

    /// <summary>Whether there are rows to write (reminder changes aside).</summary>
    public bool HasRows => _projections.Count > 0 || _rows.Count > 0 || _events.Count > 0 || _outbox.Count > 0;

    /// <summary>Runs <paramref name="action"/> after the write commits: counts what happened exactly when it happened.</summary>
    public CommitRows OnCommitted(Action action)
    {
        _committed.Add(action);
        return this;
    }

    /// <summary>An upsert (or delete) of a query row derived from the state.</summary>
    public CommitRows Project(string sql, params object?[] parameters)
    {
        _projections.Add(new SqlStatement(sql, parameters));
        return this;
    }

    /// <summary>
    /// A query row derived from the state, sent with the rows of every other write in the same
    /// group commit as one statement: the way for rows many grains write all the time.
    /// </summary>
    public CommitRows Project(MultiRowStatement statement, params object?[] row)
    {
        if (row.Length != statement.ColumnCount)
        {
            throw new ArgumentException($"The statement takes {statement.ColumnCount} columns; {row.Length} values were given.", nameof(row));
        }

        _rows.Add(new QueuedRow(statement, row));
        return this;
    }

    /// <summary>An audit event; stamped with the business time of the write.</summary>
    public CommitRows Audit(string kind, object data)
    {
        _events.Add(new AuditEvent(kind, JsonSerializer.Serialize(data, data.GetType(), RowJson.Options)));
        return this;
    }

    /// <summary>A message for the outside world, handed on by an outbox dispatcher after commit.</summary>
    public CommitRows Send(string topic, object payload)
    {
        _outbox.Add(new OutboxMessage(topic, JsonSerializer.Serialize(payload, payload.GetType(), RowJson.Options)));
        return this;
    }

    /// <summary>
    /// Registers (or moves) a reminder of this grain: in the state's transaction, or before the
    /// state is written, so a state that expects a reminder is never stored without it.
    /// </summary>
    public CommitRows Remind(string reminderName, DateTimeOffset dueAt)
    {
        _reminders.Add(new ReminderChange(reminderName, dueAt, Remove: false));
        return this;
    }

    /// <summary>Removes a reminder of this grain: in the state's transaction, or after the state is written.</summary>
    public CommitRows Forget(string reminderName)
    {
        _reminders.Add(new ReminderChange(reminderName, default, Remove: true));
        return this;
    }
}
