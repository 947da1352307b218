using System.Text.Json;
using O2C.Runtime.Storage;

namespace O2C.Runtime;

/// <summary>
/// Rows that must commit in the same transaction as a grain's state write: query rows
/// projected from the state, audit events and outbox messages. Queries read these rows,
/// never an activation's memory, so they can never be ahead of the stored truth.
/// </summary>
public sealed class CommitRows
{
    private readonly List<SqlStatement> _projections = [];
    private readonly List<QueuedRow> _rows = [];
    private readonly List<AuditEvent> _events = [];
    private readonly List<OutboxMessage> _outbox = [];
    private readonly List<ReminderChange> _reminders = [];
    private readonly List<CreatedState> _created = [];

    public IReadOnlyList<SqlStatement> Projections => _projections;

    internal IReadOnlyList<QueuedRow> Rows => _rows;
    public IReadOnlyList<AuditEvent> Events => _events;
    public IReadOnlyList<OutboxMessage> Outbox => _outbox;

    public IReadOnlyList<ReminderChange> Reminders => _reminders;

    public IReadOnlyList<CreatedState> Created => _created;

    public bool IsEmpty => _projections.Count == 0 && _rows.Count == 0 && _events.Count == 0 && _outbox.Count == 0 && _reminders.Count == 0 && _created.Count == 0;

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
    public CommitRows Audit(string kind, object data, GrainId? about = null)
    {
        _events.Add(new AuditEvent(kind, JsonSerializer.Serialize(data, data.GetType(), RowJson.Options), about));
        return this;
    }

    /// <summary>A message for the outside world, handed on by an outbox dispatcher after commit.</summary>
    public CommitRows Send(string topic, object payload)
    {
        _outbox.Add(new OutboxMessage(topic, JsonSerializer.Serialize(payload, payload.GetType(), RowJson.Options)));
        return this;
    }

    /// <summary>
    /// Registers (or replaces) a reminder of this grain in the same transaction as the state,
    /// so a state that expects a reminder can never be stored without it. Null period: one-shot.
    /// </summary>
    public CommitRows Remind(string reminderName, DateTimeOffset dueAt, TimeSpan? period = null) =>
        Remind(grain: null, reminderName, dueAt, period);

    /// <summary>Registers a reminder of another grain (one this write creates, say) in the same transaction.</summary>
    public CommitRows Remind(GrainId? grain, string reminderName, DateTimeOffset dueAt, TimeSpan? period = null)
    {
        _reminders.Add(new ReminderChange(reminderName, dueAt, period, Remove: false, grain));
        return this;
    }

    /// <summary>
    /// Creates the first version of another grain's state in the same transaction, so a parent
    /// (a customer issuing an invoice) and the child it creates commit together or not at all.
    /// Nothing happens when that state exists already, so a retried creation is harmless.
    /// </summary>
    public CommitRows Create(GrainId grain, string stateName, object state)
    {
        _created.Add(new CreatedState(grain, stateName, JsonSerializer.Serialize(state, state.GetType(), RowJson.Options)));
        return this;
    }

    /// <summary>Removes a reminder of this grain in the same transaction as the state.</summary>
    public CommitRows Forget(string reminderName)
    {
        _reminders.Add(new ReminderChange(reminderName, default, null, Remove: true));
        return this;
    }
}
