-- Invoices, customers and cases rows are updated many times after insert (dunning level, balance,
-- exposure, stage). Free room on each page lets an update that touches no indexed column stay on
-- its page (a HOT update) instead of writing a new entry into every index.
ALTER TABLE invoices SET (fillfactor = 70);
ALTER TABLE customers SET (fillfactor = 70);
ALTER TABLE cases SET (fillfactor = 70);
