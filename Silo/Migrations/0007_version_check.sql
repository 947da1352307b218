-- A group commit sends its state writes, rows and commit in one round trip (one implicit
-- transaction). A write whose version check fails must then sink the whole group, so the committer
-- can find the stale write in a second, careful pass: this raises when fewer rows were written than
-- were sent. SQLSTATE O2C01 tells that failure apart from any other.
CREATE FUNCTION o2c_expect_written(written bigint, sent integer) RETURNS bigint
LANGUAGE plpgsql AS $$
BEGIN
    IF written <> sent THEN
        RAISE EXCEPTION 'grain state version check failed: % of % writes matched', written, sent
            USING ERRCODE = 'O2C01';
    END IF;
    RETURN written;
END
$$;
