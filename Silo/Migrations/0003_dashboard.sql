-- What the dashboard reads per refresh (issue 4), kept to index range scans.

-- Rates per wall minute: business times run 43,200x in the demo and stand still under the
-- manual clock, so the rows the dashboard counts get the database's wall time when inserted.
-- now() is stable, so adding these columns does not rewrite existing tables.
ALTER TABLE orders   ADD COLUMN inserted_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE messages ADD COLUMN inserted_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE payments ADD COLUMN inserted_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX orders_inserted ON orders (inserted_at);
CREATE INDEX messages_inserted ON messages (inserted_at);
CREATE INDEX payments_inserted ON payments (inserted_at);

-- Receivables: open, overdue and aging read only invoices with money owed (index-only scans).
CREATE INDEX invoices_receivable ON invoices (currency, due_date) INCLUDE (outstanding)
    WHERE outstanding > 0 AND status NOT IN ('Paid', 'WrittenOff');

-- DSO: sales of the last 90 business days.
CREATE INDEX invoices_issued ON invoices (issue_date) INCLUDE (currency, total);

-- Cases per stage and risk profile: only the cases still open.
CREATE INDEX cases_active ON cases (stage, risk_profile) INCLUDE (overdue_amount)
    WHERE status IN ('Open', 'Paused', 'InCollection');
