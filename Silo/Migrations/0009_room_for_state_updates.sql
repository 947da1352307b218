-- Every grain write updates its grain_state row, and every claimed reminder its lease; neither
-- touches an indexed column. With free room on the page the new row version stays there (a HOT
-- update) instead of adding an entry to the primary key (and, for reminders, the due index).
ALTER TABLE grain_state SET (fillfactor = 70);
ALTER TABLE reminders SET (fillfactor = 70);
