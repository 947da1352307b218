-- Issue 13: a tamper-evident trail. Each grain's events form a hash chain: every row stores the hash
-- of the grain's previous event (prev_hash) and the hash of that plus its own content (hash). An
-- edited row no longer matches its hash; a deleted one breaks the link of the event after it.
-- GET /v1/audit/verify recomputes both.
ALTER TABLE grain_events ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea;

-- What a row's hash covers: the previous hash, its id (its place), and every column it was written with.
-- jsonb prints in one canonical form, so the text of data is stable.
CREATE FUNCTION grain_event_hash(prev bytea, id bigint, grain_type text, grain_key text,
                                 occurred_at timestamptz, recorded_at timestamptz, kind text, data jsonb)
RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT sha256(coalesce(prev, '\x'::bytea) || convert_to(jsonb_build_array(
        id, grain_type, grain_key, extract(epoch FROM occurred_at)::text, extract(epoch FROM recorded_at)::text, kind, data)::text, 'UTF8'))
$$;

-- Rows of one grain are written one write after the other (one activation, each write awaited), so the
-- grain's latest row is the previous link. Earlier rows of the same statement are visible here.
CREATE FUNCTION grain_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT e.hash INTO NEW.prev_hash FROM grain_events e
     WHERE e.grain_type = NEW.grain_type AND e.grain_key = NEW.grain_key
     ORDER BY e.id DESC LIMIT 1;
    NEW.hash := grain_event_hash(NEW.prev_hash, NEW.id, NEW.grain_type, NEW.grain_key, NEW.occurred_at, NEW.recorded_at, NEW.kind, NEW.data);
    RETURN NEW;
END $$;

-- The rows written before this migration join their grain's chain in id order.
DO $$
DECLARE
    r record;
    last_key text := NULL;
    last_hash bytea := NULL;
BEGIN
    FOR r IN SELECT * FROM grain_events ORDER BY grain_type, grain_key, id LOOP
        IF last_key IS DISTINCT FROM r.grain_type || '/' || r.grain_key THEN
            last_hash := NULL;
            last_key := r.grain_type || '/' || r.grain_key;
        END IF;
        UPDATE grain_events SET prev_hash = last_hash,
               hash = grain_event_hash(last_hash, r.id, r.grain_type, r.grain_key, r.occurred_at, r.recorded_at, r.kind, r.data)
         WHERE id = r.id
         RETURNING hash INTO last_hash;
    END LOOP;
END $$;

ALTER TABLE grain_events ALTER COLUMN hash SET NOT NULL;
CREATE TRIGGER grain_events_chain BEFORE INSERT ON grain_events FOR EACH ROW EXECUTE FUNCTION grain_events_chain();

-- The application's role (AppRole, a silo setting) may add events, never change or remove them.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_database() || '_app') THEN
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON grain_events FROM %I', current_database() || '_app');
    END IF;
END $$;
