-- Query rows of the order-to-cash flow. Grains write them in the same transaction as their
-- state (CommitRows.Project), so these tables are never ahead of the truth. The API reads them.

CREATE TABLE customers (
    customer_id        text PRIMARY KEY,
    name               text        NOT NULL,
    email              text,
    phone              text,
    language           text        NOT NULL,
    currency           text        NOT NULL,
    country            text,
    payment_term_days  int         NOT NULL,
    credit_limit       numeric(18,2) NOT NULL,
    credit_score       int,
    preferred_channels text[]      NOT NULL,
    open_exposure      numeric(18,2) NOT NULL DEFAULT 0,
    risk_profile       text        NOT NULL,
    risk_reason        text        NOT NULL,
    open_case_id       text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);

-- The inbox of ingested orders: a repeated orderId returns the first result; the primary key
-- makes a reused id across customers a conflict even under a race.
CREATE TABLE orders (
    order_id     text PRIMARY KEY,
    customer_id  text          NOT NULL,
    content_hash text          NOT NULL,
    status       text          NOT NULL,
    invoice_id   text,
    reason       text,
    order_date   date          NOT NULL,
    currency     text          NOT NULL,
    total        numeric(18,2) NOT NULL,
    received_at  timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id);
CREATE INDEX orders_received ON orders (received_at);

CREATE TABLE invoices (
    invoice_id        text PRIMARY KEY,
    customer_id       text          NOT NULL,
    order_id          text          NOT NULL,
    currency          text          NOT NULL,
    issue_date        date          NOT NULL,
    due_date          date          NOT NULL,
    net               numeric(18,2) NOT NULL,
    vat               numeric(18,2) NOT NULL,
    total             numeric(18,2) NOT NULL,
    paid              numeric(18,2) NOT NULL,
    outstanding       numeric(18,2) NOT NULL,
    status            text          NOT NULL,
    payment_reference text          NOT NULL UNIQUE,
    case_id           text,
    dunning_level     text          NOT NULL DEFAULT 'None',
    lines             jsonb         NOT NULL,
    paid_at           timestamptz,
    updated_at        timestamptz   NOT NULL
);
CREATE INDEX invoices_customer ON invoices (customer_id, status);
CREATE INDEX invoices_status_due ON invoices (status, due_date);

CREATE TABLE payments (
    payment_id   text PRIMARY KEY,
    content_hash text          NOT NULL,
    amount       numeric(18,2) NOT NULL,
    currency     text          NOT NULL,
    received_at  timestamptz   NOT NULL,
    invoice_id   text,
    reference    text,
    customer_id  text,
    payer_name   text,
    status       text          NOT NULL,
    matched_by   text,
    allocations  jsonb         NOT NULL,
    unallocated  numeric(18,2) NOT NULL,
    recorded_at  timestamptz   NOT NULL
);
CREATE INDEX payments_status ON payments (status, received_at);

CREATE TABLE cases (
    case_id          text PRIMARY KEY,
    customer_id      text          NOT NULL,
    status           text          NOT NULL,
    stage            text          NOT NULL,
    risk_profile     text          NOT NULL,
    ladder_profile   text          NOT NULL,
    currency         text          NOT NULL,
    overdue_amount   numeric(18,2) NOT NULL,
    oldest_due_date  date,
    next_action      text,
    next_action_at   timestamptz,
    promise          jsonb,
    invoices         jsonb         NOT NULL,
    opened_at        timestamptz   NOT NULL,
    closed_at        timestamptz,
    updated_at       timestamptz   NOT NULL
);
CREATE INDEX cases_status ON cases (status, stage);
CREATE INDEX cases_customer ON cases (customer_id);

CREATE TABLE messages (
    message_id    text PRIMARY KEY,
    case_id       text,
    invoice_id    text,
    customer_id   text        NOT NULL,
    stage         text        NOT NULL,
    channel       text        NOT NULL,
    language      text        NOT NULL,
    risk_profile  text        NOT NULL,
    template_name text        NOT NULL,
    recipient     text,
    subject       text        NOT NULL,
    body          text        NOT NULL,
    status        text        NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX messages_case ON messages (case_id, created_at);
CREATE INDEX messages_customer ON messages (customer_id, created_at);
