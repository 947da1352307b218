namespace O2C.Runtime.Reminders;

/// <summary>The statements that change reminder rows; shared by direct calls and <see cref="CommitRows"/>.</summary>
internal static class ReminderSql
{
    // A re-registration bumps the etag and drops any lease, so a delivery in flight can tell
    // that the row it claimed was replaced and must leave it alone.
    public static SqlStatement Upsert(GrainId grain, string name, DateTimeOffset dueAt, TimeSpan? period) => new(
        """
        INSERT INTO reminders (grain_type, grain_key, name, first_due_at, due_at, period_ms, etag)
        VALUES ($1, $2, $3, $4, $4, $5, 1)
        ON CONFLICT (grain_type, grain_key, name) DO UPDATE
        SET first_due_at = excluded.first_due_at, due_at = excluded.due_at, period_ms = excluded.period_ms,
            etag = reminders.etag + 1, seq = nextval('reminders_seq'), lease_owner = NULL, lease_until = NULL
        """,
        grain.Type, grain.Key, name, dueAt, period is { } p ? (long)p.TotalMilliseconds : null);

    public static SqlStatement Delete(GrainId grain, string name) => new(
        "DELETE FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND name = $3",
        grain.Type, grain.Key, name);
}
