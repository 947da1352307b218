namespace O2C.Storage;

/// <summary>The append-only rows the runtime writes beside every grain's state: audit events and outbox messages.</summary>
internal static class RuntimeRows
{
    public static readonly MultiRowStatement Events = MultiRowStatement.Appended(
        "INSERT INTO grain_events (grain_type, grain_key, occurred_at, kind, data) SELECT * FROM {rows}",
        "grain_type text", "grain_key text", "occurred_at timestamptz", "kind text", "data jsonb");

    public static readonly MultiRowStatement Outbox = MultiRowStatement.Appended(
        "INSERT INTO outbox (grain_type, grain_key, topic, payload, created_at) SELECT * FROM {rows}",
        "grain_type text", "grain_key text", "topic text", "payload jsonb", "created_at timestamptz");
}
