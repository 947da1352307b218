-- Issue 15 (collections): write-offs and recoveries on invoices, holds and broken promises/plans on
-- cases (the worklist reads them), and the collection-agency handovers. Rows written by the grains
-- with their state, as every query table.

ALTER TABLE invoices
    ADD COLUMN written_off     numeric(18,2) NOT NULL DEFAULT 0,
    ADD COLUMN recovered       numeric(18,2) NOT NULL DEFAULT 0,
    ADD COLUMN written_off_at  timestamptz,
    ADD COLUMN write_off_reason text;

ALTER TABLE cases
    ADD COLUMN hold            text,
    ADD COLUMN payment_plan    jsonb,
    ADD COLUMN broken_promises int NOT NULL DEFAULT 0,
    ADD COLUMN broken_plans    int NOT NULL DEFAULT 0,
    ADD COLUMN collector       text;
CREATE INDEX cases_worklist ON cases (collector) WHERE status IN ('Open', 'Paused');

CREATE TABLE handovers (
    handover_id     text PRIMARY KEY,
    case_id         text          NOT NULL,
    customer_id     text          NOT NULL,
    status          text          NOT NULL,
    country         text,
    currency        text          NOT NULL,
    principal       numeric(18,2) NOT NULL,
    interest        numeric(18,2) NOT NULL,
    compensation    numeric(18,2) NOT NULL,
    total_claimed   numeric(18,2) NOT NULL,
    paid_after      numeric(18,2) NOT NULL,
    invoices        jsonb         NOT NULL,
    payments_after  jsonb         NOT NULL,
    handed_over_at  timestamptz   NOT NULL,
    acknowledged_at timestamptz,
    updated_at      timestamptz   NOT NULL
);
CREATE INDEX handovers_status ON handovers (status, handed_over_at);
