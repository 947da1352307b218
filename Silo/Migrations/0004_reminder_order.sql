-- Reminders due at the same instant fire in registration order: a reminder registered while
-- that instant is being delivered (a case's next step, set as its invoices fall due) comes after
-- every reminder that was already waiting for it (all the invoices' due-date checks).
CREATE SEQUENCE reminders_seq;
ALTER TABLE reminders ADD COLUMN seq bigint NOT NULL DEFAULT nextval('reminders_seq');
DROP INDEX reminders_due;
CREATE INDEX reminders_due ON reminders (due_at, seq);
