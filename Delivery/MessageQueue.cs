using Npgsql;

namespace O2C.Delivery;

/// <summary>
/// The <c>messages</c> table seen as a delivery queue. A claim takes a channel's due messages with
/// <c>FOR UPDATE SKIP LOCKED</c> (silos share the work without waiting on each other) and leases
/// them: <c>next_attempt_at</c> is, for a Queued message, when its next attempt may start and, for
/// a Sending one, when its lease ends and another claim may take it. Each claim counts an attempt;
/// the attempt number fences the outcome, so a silo whose lease ended cannot overwrite the outcome
/// of the one that took over. A message that reaches Sent, Failed or Cancelled gets an event on its
/// case's timeline (its invoice's for a pre-due reminder) and its outbox entry marked dispatched,
/// in the same statement.
/// </summary>
public sealed class MessageQueue(NpgsqlDataSource dataSource)
{
    private const string NoOutcome = "no outcome: the silo sending the last attempt stopped before its lease ended";

    // Claimed in wall time of the database (clock_timestamp()), stamped in business time ($5).
    private static readonly string Claim =
        """
        WITH due AS (
            SELECT m.message_id,
                   CASE WHEN c.status = 'Closed' OR (m.case_id IS NULL AND (i.status IN ('Paid', 'WrittenOff') OR i.outstanding <= 0)) THEN 'Cancelled'
                        WHEN m.status = 'Sending' AND m.attempts >= $4 THEN 'Failed'
                        ELSE 'Sending' END AS outcome
            FROM messages m
            LEFT JOIN cases c ON c.case_id = m.case_id
            LEFT JOIN invoices i ON m.case_id IS NULL AND i.invoice_id = m.invoice_id
            WHERE m.channel = $1 AND m.status IN ('Queued', 'Sending') AND m.next_attempt_at <= clock_timestamp()
            ORDER BY m.next_attempt_at
            LIMIT $2
            FOR UPDATE OF m SKIP LOCKED),
        settled AS (
            UPDATE messages m SET
                status = due.outcome,
                attempts = m.attempts + CASE WHEN due.outcome = 'Sending' THEN 1 ELSE 0 END,
                last_attempt_at = CASE WHEN due.outcome = 'Sending' THEN $5 ELSE m.last_attempt_at END,
                next_attempt_at = clock_timestamp() + $3,
                finished_at = CASE WHEN due.outcome = 'Sending' THEN NULL ELSE $5 END,
                last_error = CASE WHEN due.outcome = 'Failed' THEN $6 ELSE m.last_error END
            FROM due WHERE m.message_id = due.message_id
            RETURNING m.message_id, m.status, m.case_id, m.invoice_id, m.customer_id, m.channel, m.stage, m.language,
                      m.recipient, m.subject, m.body, m.attempts, m.last_error)
        """ + Recorded("$5") + "\n" +
        """
        SELECT message_id, status, case_id, invoice_id, customer_id, channel, stage, language, recipient, subject, body, attempts FROM settled
        """;

    private static readonly string Sent =
        """
        WITH settled AS (
            UPDATE messages SET status = 'Sent', sent_at = $3, finished_at = $3
            WHERE message_id = $1 AND status = 'Sending' AND attempts = $2
            RETURNING message_id, status, case_id, invoice_id, channel, stage, attempts, last_error)
        """ + Recorded("$3") + "\nSELECT count(*) FROM settled";

    private static readonly string Failed =
        """
        WITH settled AS (
            UPDATE messages SET status = 'Failed', last_error = $3, finished_at = $4
            WHERE message_id = $1 AND status = 'Sending' AND attempts = $2
            RETURNING message_id, status, case_id, invoice_id, channel, stage, attempts, last_error)
        """ + Recorded("$4") + "\nSELECT count(*) FROM settled";

    private const string Retry =
        """
        UPDATE messages SET status = 'Queued', last_error = $3, next_attempt_at = clock_timestamp() + $4
        WHERE message_id = $1 AND status = 'Sending' AND attempts = $2
        """;

    // A claim given back unsent (the silo is stopping): not an attempt, due again at once.
    private const string Release =
        """
        UPDATE messages SET status = 'Queued', attempts = attempts - 1, next_attempt_at = '-infinity'
        WHERE message_id = $1 AND status = 'Sending' AND attempts = $2
        """;

    /// <summary>Claims up to <paramref name="count"/> due messages of <paramref name="channel"/> for <paramref name="lease"/>.</summary>
    /// <param name="now">Business time, stamped on the messages and their timeline events.</param>
    public async Task<ClaimResult> ClaimAsync(
        string channel, int count, TimeSpan lease, int maxAttempts, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = Command(Claim, channel, count, lease, maxAttempts, now, NoOutcome);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var toSend = new List<OutgoingMessage>();
        int cancelled = 0, failed = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            switch (reader.GetString(1))
            {
                case "Cancelled":
                    cancelled++;
                    break;
                case "Failed":
                    failed++;
                    break;
                default:
                    toSend.Add(new OutgoingMessage(
                        reader.GetString(0), reader.GetString(5), Nullable(reader, 2), Nullable(reader, 3), reader.GetString(4), reader.GetString(6),
                        reader.GetString(7), Nullable(reader, 8), reader.GetString(9), reader.GetString(10), reader.GetInt32(11)));
                    break;
            }
        }

        return new ClaimResult(toSend, cancelled, failed);
    }

    /// <summary>Records that the attempt went out; false when this attempt no longer holds the message.</summary>
    public async Task<bool> SentAsync(OutgoingMessage message, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = Command(Sent, message.MessageId, message.Attempt, now);
        return await command.ExecuteScalarAsync(cancellationToken) is long and > 0;
    }

    /// <summary>Records the message as Failed for good; false when this attempt no longer holds it.</summary>
    public async Task<bool> FailedAsync(OutgoingMessage message, string error, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = Command(Failed, message.MessageId, message.Attempt, error, now);
        return await command.ExecuteScalarAsync(cancellationToken) is long and > 0;
    }

    /// <summary>Queues the message again for an attempt after <paramref name="after"/> (wall time); false when this attempt no longer holds it.</summary>
    public async Task<bool> RetryAsync(OutgoingMessage message, string error, TimeSpan after, CancellationToken cancellationToken = default)
    {
        await using var command = Command(Retry, message.MessageId, message.Attempt, error, after);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Gives a claimed message back unsent, without counting the attempt.</summary>
    public async Task<bool> ReleaseAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        await using var command = Command(Release, message.MessageId, message.Attempt);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// The statement's tail for messages it settled: a Message{Status} event on the case's timeline
    /// (read by GET /v1/cases/{id}), and the outbox entry the grain wrote with the message marked dispatched.
    /// </summary>
    private static string Recorded(string now) =>
        $"""
        , events AS (
            INSERT INTO grain_events (grain_type, grain_key, occurred_at, kind, data)
            SELECT CASE WHEN case_id IS NULL THEN 'invoice' ELSE 'case' END, coalesce(case_id, invoice_id), {now}, 'Message' || status,
                   jsonb_build_object('messageId', message_id, 'channel', channel, 'stage', stage, 'attempts', attempts, 'error', last_error)
            FROM settled WHERE status <> 'Sending' AND coalesce(case_id, invoice_id) IS NOT NULL),
        dispatched AS (
            UPDATE outbox SET dispatched_at = now()
            WHERE topic = 'message.queued' AND dispatched_at IS NULL
              AND payload->>'messageId' IN (SELECT message_id FROM settled WHERE status <> 'Sending'))
        """;

    private NpgsqlCommand Command(string sql, params object[] parameters)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static string? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
