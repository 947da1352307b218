-- A case gathers its invoices by case id on every step.
CREATE INDEX invoices_case ON invoices (case_id) WHERE case_id IS NOT NULL;
