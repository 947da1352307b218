namespace O2C.Runtime.Storage;

/// <summary>A versioned write of one state row. <see cref="Json"/> null means delete.</summary>
internal sealed record StateWrite(GrainId Grain, string StateName, long? ExpectedVersion, string? Json)
{
    public long NewVersion => (ExpectedVersion ?? 0) + 1;

    public SqlStatement ToStatement() => (ExpectedVersion, Json) switch
    {
        (null, not null) => new SqlStatement(
            "INSERT INTO grain_state (grain_type, grain_key, state_name, version, state, updated_at) VALUES ($1, $2, $3, 1, $4, now()) ON CONFLICT DO NOTHING",
            Grain.Type, Grain.Key, StateName, new Jsonb(Json)),
        (long expected, not null) => new SqlStatement(
            "UPDATE grain_state SET version = version + 1, state = $4, updated_at = now() WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $5",
            Grain.Type, Grain.Key, StateName, new Jsonb(Json), expected),
        (long expected, null) => new SqlStatement(
            "DELETE FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $4",
            Grain.Type, Grain.Key, StateName, expected),
        (null, null) => throw new InvalidOperationException("Nothing to delete: the state was never stored."),
    };
}
