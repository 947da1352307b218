-- Reminders delivered by O2C (O2C:Reminders:Delivery=O2C, O2C.Storage.DueReminderDelivery): a silo
-- claims due rows with FOR UPDATE SKIP LOCKED and leases them until leaseduntil (database time);
-- a grain moving its reminder clears the lease, removing it deletes the row. Orleans' own reminder
-- service and the stock AdoNet queries name their columns and leave this one alone.
ALTER TABLE orleansreminderstable ADD COLUMN leaseduntil timestamptz;
