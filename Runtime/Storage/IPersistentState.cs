namespace O2C.Runtime;

/// <summary>
/// A grain's persisted state, as Orleans' <c>IPersistentState&lt;T&gt;</c>. Stored in PostgreSQL
/// as jsonb with a version; the ETag is that version. A write against a stale version throws
/// <see cref="InconsistentStateException"/>.
/// </summary>
public interface IPersistentState<TState> where TState : new()
{
    TState State { get; set; }

    /// <summary>The version read or last written, or null when nothing is stored.</summary>
    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync();

    Task WriteStateAsync();

    /// <summary>
    /// Writes the state and <paramref name="alongside"/> (projection rows, audit events,
    /// outbox messages) in one transaction: all of them commit, or none does.
    /// </summary>
    Task WriteStateAsync(CommitRows alongside);

    Task ClearStateAsync();
}
