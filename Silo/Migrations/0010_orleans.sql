-- Tables and queries for the Orleans 10.4.2 ADO.NET providers on PostgreSQL: clustering
-- (Microsoft.Orleans.Clustering.AdoNet), grain state (Microsoft.Orleans.Persistence.AdoNet) and
-- reminders (Microsoft.Orleans.Reminders.AdoNet). The packages ship no SQL.
--
-- How the providers use this: at start-up each one reads OrleansQuery and from then on runs only
-- the query texts stored there. What Orleans depends on is therefore (a) the query keys, (b) the
-- @Parameter names each query text uses, and (c) the result column names it reads back. Those
-- follow the 10.4.2 assemblies exactly (the pre-cron reminder contract: no CronExpression or
-- NextDueUtc parameters exist in 10.4.2). Everything else here (column types, indexes, the
-- helper functions) is ours; the table names are kept as Orleans names them so that Orleans
-- documentation and tooling still apply, and none of them clashes with our own tables.
--
-- Identifiers are unquoted, so PostgreSQL folds them to lower case (OrleansQuery is the table
-- orleansquery, QueryKey the column querykey). Orleans reads result columns by name and Npgsql
-- matches names case-insensitively, so this is fine; never quote these names in mixed case.
--
-- Query texts are dollar-quoted ($q$...$q$) so that they need no doubled quotes. The helper
-- functions are prefixed orleans_ to keep them apart from ours (o2c_*).

CREATE TABLE OrleansQuery (
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);


-- ============================================================================================
-- Clustering (membership)
-- ============================================================================================

-- One row per cluster (DeploymentId is Orleans' ClusterId). Version is the table-wide ETag of the
-- membership protocol: every change to a silo row must also bump it, from the value Orleans read.
CREATE TABLE OrleansMembershipVersionTable (
    DeploymentId text           NOT NULL,
    Timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    Version      integer        NOT NULL DEFAULT 0,
    CONSTRAINT PK_OrleansMembershipVersionTable_DeploymentId PRIMARY KEY (DeploymentId)
);

-- One row per silo incarnation (address, port and generation). Status is Orleans' SiloStatus
-- (3 = Active, 6 = Dead). SuspectTimes is Orleans' own "silo,time|silo,time" text.
-- Times are millisecond timestamps: CleanupDefunctSiloEntryKey compares them for equality with
-- values Orleans read back from this table.
CREATE TABLE OrleansMembershipTable (
    DeploymentId text           NOT NULL,
    Address      text           NOT NULL,
    Port         integer        NOT NULL,
    Generation   integer        NOT NULL,
    SiloName     text           NOT NULL,
    HostName     text           NOT NULL,
    Status       integer        NOT NULL,
    ProxyPort    integer,
    SuspectTimes text,
    StartTime    timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,
    CONSTRAINT PK_MembershipTable_DeploymentId PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_MembershipTable_MembershipVersionTable_DeploymentId
        FOREIGN KEY (DeploymentId) REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

-- Adds a silo row and bumps the table version, both or neither. Returns 1 when written, 0 when the
-- version Orleans read is stale or the silo row already exists (Orleans then re-reads and retries).
-- The EXCEPTION clause makes the block a subtransaction: a duplicate row undoes the version bump.
CREATE FUNCTION orleans_insert_membership(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_silo_name       text,
    p_host_name       text,
    p_status          integer,
    p_proxy_port      integer,
    p_start_time      timestamptz,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS integer
LANGUAGE plpgsql AS $$
BEGIN
    -- Version < int max: the next bump must not overflow into an error.
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = p_deployment_id AND Version = p_version AND Version < 2147483647;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
         p_start_time, p_i_am_alive_time);
    RETURN 1;
EXCEPTION
    WHEN unique_violation THEN
        RETURN 0;
END
$$;

-- Changes a silo row (status, suspicions, liveness) and bumps the table version, both or neither.
-- IAmAliveTime never moves backwards: a late write must not make a live silo look older.
CREATE FUNCTION orleans_update_membership(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_status          integer,
    p_suspect_times   text,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS integer
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = p_deployment_id AND Version = p_version AND Version < 2147483647;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE OrleansMembershipTable
    SET Status = p_status,
        SuspectTimes = p_suspect_times,
        IAmAliveTime = GREATEST(IAmAliveTime, p_i_am_alive_time)
    WHERE DeploymentId = p_deployment_id AND Address = p_address AND Port = p_port AND Generation = p_generation;
    IF NOT FOUND THEN
        -- No such silo row: raising rolls the version bump back with this block.
        RAISE EXCEPTION 'no membership row to update' USING ERRCODE = 'no_data_found';
    END IF;
    RETURN 1;
EXCEPTION
    WHEN no_data_found THEN
        RETURN 0;
END
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
-- Run once per silo start: creates the cluster's version row if missing. One row, one column,
-- read as a boolean (1 = created).
('InsertMembershipVersionKey', $q$
    WITH created AS (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId)
        VALUES (@DeploymentId)
        ON CONFLICT (DeploymentId) DO NOTHING
        RETURNING 1)
    SELECT count(*)::integer FROM created
$q$),

('InsertMembershipKey', $q$
    SELECT orleans_insert_membership(
        @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version)
$q$),

('UpdateMembershipKey', $q$
    SELECT orleans_update_membership(
        @DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version)
$q$),

-- The liveness heartbeat. Not version-checked by the protocol; never moves the time backwards.
('UpdateIAmAlivetimeKey', $q$
    UPDATE OrleansMembershipTable
    SET IAmAliveTime = GREATEST(IAmAliveTime, @IAmAliveTime)
    WHERE DeploymentId = @DeploymentId
      AND Address = @Address AND Port = @Port AND Generation = @Generation
$q$),

-- The version row is always returned (LEFT JOIN), also when the silo has no row: Orleans takes the
-- table version from the first row and treats a row with NULL StartTime as "no entry".
('MembershipReadRowKey', $q$
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
           m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m
           ON m.DeploymentId = v.DeploymentId
          AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId
$q$),

('MembershipReadAllKey', $q$
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
           m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
    WHERE v.DeploymentId = @DeploymentId
$q$),

-- Gateways for clients: active silos (Status = @Status, which Orleans passes as 3) with a proxy port.
('GatewaysQueryKey', $q$
    SELECT Address, ProxyPort, Generation
    FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
$q$),

-- Whole-cluster delete (tests and tooling). Two statements: silo rows first for the foreign key.
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
$q$),

-- Defunct-silo pruning. 10.4.2 requires this key but, when CleanupDefunctSiloEntryKey (below) is
-- present, reads the table and deletes row by row instead. Only Dead silos that have been silent
-- since before the cutoff and carry no suspicion votes are removed.
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
      AND Status = 6
      AND IAmAliveTime < @IAmAliveTime
      AND StartTime < @IAmAliveTime
      AND COALESCE(SuspectTimes, '') = ''
$q$),

-- Optional in 10.4.2: deletes one Dead row only if it still holds exactly the values Orleans read
-- (so a row that changed since is left alone).
('CleanupDefunctSiloEntryKey', $q$
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
      AND Address = @Address AND Port = @Port AND Generation = @Generation
      AND Status = 6
      AND StartTime = @StartTime
      AND IAmAliveTime = @IAmAliveTime
      AND COALESCE(SuspectTimes, '') = COALESCE(@SuspectTimes, '')
$q$);


-- ============================================================================================
-- Grain state (AddAdoNetGrainStorage)
-- ============================================================================================

-- One row per grain state. Orleans passes the grain id split into two 64-bit halves (N0, N1: the
-- Guid or the integer key) and an extension string (a string key, or a compound key's string part,
-- else NULL), plus 32-bit hashes of the id and of the type name (signed integers). Version is the
-- ETag: NULL never, 1 on insert, +1 on each write or clear. The payload is whatever the configured
-- IGrainStorageSerializer produced (Orleans' binary format by default, UTF-8 JSON with the JSON
-- serializers); 10.4.2 passes it only as @PayloadBinary, so there are no JSON or XML columns.
-- Rows are rewritten on every write without touching an indexed column: free room on the page
-- keeps those updates HOT (see 0009).
CREATE TABLE OrleansStorage (
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text,
    ServiceId              text        NOT NULL,
    PayloadBinary          bytea,
    ModifiedOn             timestamptz NOT NULL DEFAULT now(),
    Version                integer     NOT NULL
) WITH (fillfactor = 70);

-- Lookup (the hashes lead, they are the most selective short keys) and, with NULLS NOT DISTINCT
-- (PostgreSQL 15+), the guarantee that a grain has one row: two activations racing to insert the
-- first state cannot both succeed, the loser gets a version conflict.
CREATE UNIQUE INDEX UX_OrleansStorage_Grain ON OrleansStorage
    (GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
    NULLS NOT DISTINCT;

-- Returns the new version, or NULL when nothing was written: the version Orleans holds is stale,
-- or (holding none) another writer inserted first. Orleans raises InconsistentStateException then.
CREATE FUNCTION orleans_write_to_storage(
    p_grain_id_hash   integer,
    p_grain_id_n0     bigint,
    p_grain_id_n1     bigint,
    p_grain_type_hash integer,
    p_grain_type      text,
    p_grain_id_ext    text,
    p_service_id      text,
    p_version         integer,
    p_payload         bytea)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    new_version integer;
BEGIN
    IF p_version IS NULL THEN
        -- No state read (or it was deleted): only the first insert may win.
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
             ServiceId, PayloadBinary, ModifiedOn, Version)
        VALUES
            (p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type, p_grain_id_ext,
             p_service_id, p_payload, now(), 1)
        ON CONFLICT DO NOTHING
        RETURNING Version INTO new_version;
    ELSE
        UPDATE OrleansStorage
        SET PayloadBinary = p_payload, ModifiedOn = now(), Version = Version + 1
        WHERE GrainIdHash = p_grain_id_hash AND GrainTypeHash = p_grain_type_hash
          AND ServiceId = p_service_id AND GrainTypeString = p_grain_type
          AND GrainIdN0 = p_grain_id_n0 AND GrainIdN1 = p_grain_id_n1
          AND GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_ext
          AND Version = p_version
        RETURNING Version INTO new_version;
    END IF;
    RETURN new_version;
END
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', $q$
    SELECT orleans_write_to_storage(
        @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary) AS NewGrainStateVersion
$q$),

-- No row: Orleans starts from a new state with no ETag. A cleared row (NULL payload) keeps its
-- version, so the next write continues from it.
('ReadFromStorageKey', $q$
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
$q$),

-- ClearStateAsync (default): keep the row, drop the payload, bump the version. No row returned
-- means a version conflict.
('ClearStorageKey', $q$
    UPDATE OrleansStorage
    SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version
$q$),

-- ClearStateAsync with DeleteStateOnClear = true (the option fails start-up without this key):
-- deletes the row; returns a value different from the ETag Orleans held, which it then drops.
('DeleteStorageKey', $q$
    DELETE FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version + 1
$q$);


-- ============================================================================================
-- Reminders (UseAdoNetReminderService)
-- ============================================================================================

-- One row per reminder. GrainId is GrainId.ToString() ("type/key"), GrainHash its uniform hash
-- as a signed integer; each silo reads the ring range it owns by GrainHash. Period is in
-- milliseconds (bigint: Orleans sends a long for periods over ~24.8 days). Version is the ETag
-- that unregistering must match.
CREATE TABLE OrleansRemindersTable (
    ServiceId    text           NOT NULL,
    GrainId      text           NOT NULL,
    ReminderName text           NOT NULL,
    StartTime    timestamptz(3) NOT NULL,
    Period       bigint         NOT NULL,
    GrainHash    integer        NOT NULL,
    Version      integer        NOT NULL,
    CONSTRAINT PK_RemindersTable_ServiceId_GrainId_ReminderName PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- The range reads every silo makes on start, on ring changes and on each reminder refresh.
CREATE INDEX IX_RemindersTable_ServiceId_GrainHash ON OrleansRemindersTable (ServiceId, GrainHash);

-- O2C: the clock driver asks for the earliest due reminder on every step of an advance.
CREATE INDEX IX_RemindersTable_ServiceId_StartTime ON OrleansRemindersTable (ServiceId, StartTime);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
-- Register or re-register: a new row starts at version 0, a re-registration bumps it.
('UpsertReminderRowKey', $q$
    INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
    SET StartTime = EXCLUDED.StartTime,
        Period = EXCLUDED.Period,
        GrainHash = EXCLUDED.GrainHash,
        Version = OrleansRemindersTable.Version + 1
    RETURNING Version
$q$),

('ReadReminderRowsKey', $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId
$q$),

('ReadReminderRowKey', $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
$q$),

-- Ring range (BeginHash, EndHash] when it does not wrap in signed order (Orleans picks the key).
('ReadRangeRows1Key', $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash
$q$),

-- Ring range that wraps (also the whole ring, when BeginHash = EndHash).
('ReadRangeRows2Key', $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
$q$),

-- Unregister: one row, one column, read as a boolean (1 = deleted, 0 = stale ETag or gone).
('DeleteReminderRowKey', $q$
    WITH deleted AS (
        DELETE FROM OrleansRemindersTable
        WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
          AND Version = @Version
        RETURNING 1)
    SELECT count(*)::integer FROM deleted
$q$),

('DeleteReminderRowsKey', $q$
    DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId
$q$);
