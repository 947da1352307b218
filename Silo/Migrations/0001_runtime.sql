-- The grain runtime: state, reminders, membership, audit events and outbox.

-- One row per grain state facet; version is the ETag that guards against lost updates.
CREATE TABLE grain_state (
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    state_name  text        NOT NULL,
    version     bigint      NOT NULL,
    state       jsonb       NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (grain_type, grain_key, state_name)
);

-- Due and first-due times are business times; leases are wall times of the database.
CREATE TABLE reminders (
    grain_type   text        NOT NULL,
    grain_key    text        NOT NULL,
    name         text        NOT NULL,
    first_due_at timestamptz NOT NULL,
    due_at       timestamptz NOT NULL,
    period_ms    bigint,
    etag         bigint      NOT NULL,
    lease_owner  text,
    lease_until  timestamptz,
    PRIMARY KEY (grain_type, grain_key, name)
);
CREATE INDEX reminders_due ON reminders (due_at);

CREATE TABLE silos (
    silo_id        text        PRIMARY KEY,
    host_name      text        NOT NULL,
    address        text,
    status         text        NOT NULL,
    started_at     timestamptz NOT NULL,
    last_heartbeat timestamptz NOT NULL,
    died_at        timestamptz,
    cpu_percent    double precision NOT NULL DEFAULT 0,
    memory_bytes   bigint      NOT NULL DEFAULT 0,
    activations    bigint      NOT NULL DEFAULT 0
);

-- occurred_at is business time; recorded_at is when the row was written (wall time).
CREATE TABLE grain_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    kind        text        NOT NULL,
    data        jsonb       NOT NULL
);
CREATE INDEX grain_events_grain ON grain_events (grain_type, grain_key, id);

CREATE TABLE outbox (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grain_type    text        NOT NULL,
    grain_key     text        NOT NULL,
    topic         text        NOT NULL,
    payload       jsonb       NOT NULL,
    created_at    timestamptz NOT NULL,
    dispatched_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE dispatched_at IS NULL;
