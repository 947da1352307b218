-- Delivery of queued messages (issue 12, O2C.Delivery.MessageQueue): Queued -> Sending -> Sent | Failed,
-- or Cancelled when the case (or, for a pre-due reminder, the invoice) was settled before it went out.
-- Business times like created_at: last_attempt_at (the latest claim), sent_at, finished_at (Sent,
-- Failed or Cancelled). next_attempt_at is wall time of the database: for a Queued message when its
-- next attempt may start (the retry backoff), for a Sending one when its claim's lease ends and
-- another silo may take it. Constant defaults: adding the columns does not rewrite the table.
ALTER TABLE messages
    ADD COLUMN attempts        int         NOT NULL DEFAULT 0,
    ADD COLUMN last_error      text,
    ADD COLUMN last_attempt_at timestamptz,
    ADD COLUMN sent_at         timestamptz,
    ADD COLUMN finished_at     timestamptz,
    ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT '-infinity';

-- A claim reads one channel's messages still to send, earliest due first; sent ones leave the index.
CREATE INDEX messages_to_send ON messages (channel, next_attempt_at) WHERE status IN ('Queued', 'Sending');

-- A settled message marks the outbox entry its grain wrote with it dispatched, found by message id.
CREATE INDEX outbox_queued_message ON outbox ((payload->>'messageId'))
    WHERE topic = 'message.queued' AND dispatched_at IS NULL;
