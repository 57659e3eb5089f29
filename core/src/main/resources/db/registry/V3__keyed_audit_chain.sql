-- The keyed audit chain. Until now each row's hash was sha256(prev_hash | row): the admin role owns
-- the table, may disable its triggers and recompute every hash, so a rewritten tail still verified.
-- From here on each row's hash is an HMAC-SHA256 with AUDIT_HMAC_KEY, a key kept outside this
-- database. hash_alg says which one a row carries: every row written so far keeps its sha256 hash
-- and is marked 'sha256'; every new row must be 'hmac-sha256' (tenantctl's verifier also refuses an
-- unkeyed row after a keyed one).

ALTER TABLE audit_log ADD COLUMN hash_alg text NOT NULL DEFAULT 'sha256'
    CONSTRAINT audit_log_hash_alg CHECK (hash_alg IN ('sha256', 'hmac-sha256'));
-- no default from now on: a writer must say how it hashed the row
ALTER TABLE audit_log ALTER COLUMN hash_alg DROP DEFAULT;

-- A tenantctl from before this migration still inserts unkeyed rows (it does not know the column);
-- each would break the keyed chain for good, since the log is append-only. Refuse them instead,
-- with a message that says what to do.
CREATE FUNCTION audit_log_keyed_rows_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.hash_alg IS DISTINCT FROM 'hmac-sha256' THEN
        RAISE EXCEPTION 'audit_log takes keyed rows only (hash_alg hmac-sha256) since the keyed-chain migration: '
            'this tenantctl predates the keyed audit chain; upgrade it and set AUDIT_HMAC_KEY'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_log_keyed_rows_only BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_keyed_rows_only();
