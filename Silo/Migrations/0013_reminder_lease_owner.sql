-- The silo holding a reminder's lease (Orleans' parsable silo address, address:port@generation), so
-- that the leases of a silo Orleans' membership declared dead are released at once instead of
-- running out (O2C.Storage.DueReminderDelivery). Only leased rows are indexed: there are few.
ALTER TABLE orleansreminderstable ADD COLUMN leasedby text;
CREATE INDEX ix_orleansreminderstable_leasedby ON orleansreminderstable (leasedby) WHERE leaseduntil IS NOT NULL;
