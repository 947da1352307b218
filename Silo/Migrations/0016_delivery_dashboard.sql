-- The dashboard's delivery panel (issue 12): messages settled in the last business day per channel and
-- status, and the latest errors, each an index range bounded by what is recent, never by history.
-- Queued and Sending come from messages_to_send (0014).
CREATE INDEX messages_finished ON messages (finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX messages_errors ON messages (last_attempt_at DESC) WHERE last_error IS NOT NULL AND last_attempt_at IS NOT NULL;
