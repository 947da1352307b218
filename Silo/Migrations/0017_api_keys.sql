-- Issue 13: API keys with roles. Only the SHA-256 of a key is stored; a revoked key keeps its row.
CREATE TABLE api_keys (
    key_id     text        PRIMARY KEY,
    name       text        NOT NULL,
    role       text        NOT NULL CHECK (role IN ('ingest', 'collector', 'operator', 'admin')),
    key_hash   bytea       NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
