-- The tenant registry: the system of record every provisioning step reads and writes.
-- Runs as the admin role (owner of every object here) inside the schema Flyway was given;
-- the application writes through the NOLOGIN role ${appRole}, which may only append to audit_log.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN
        CREATE ROLE "${appRole}" NOLOGIN;
    END IF;
END
$$;
-- the admin logs in and then SET ROLEs to the application role
GRANT "${appRole}" TO CURRENT_USER;

CREATE TABLE tenants (
    id          uuid        PRIMARY KEY,
    slug        text        NOT NULL,
    name        text        NOT NULL,
    tier        text        NOT NULL,
    region      text        NOT NULL,
    state       text        NOT NULL CHECK (state IN ('REQUESTED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED',
                    'PROVISIONING', 'CONFIGURING', 'VALIDATING', 'ACTIVE', 'DEGRADED', 'ROLLING_BACK',
                    'ROLLED_BACK', 'ROLLBACK_FAILED', 'OFFBOARDING', 'OFFBOARDED')),
    tier_config jsonb       NOT NULL,
    cost        jsonb       NOT NULL,
    engine      text,
    request_id  uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
-- one live tenant per slug; a slug is free again once its tenant is gone or was never built
CREATE UNIQUE INDEX tenants_live_slug ON tenants (slug)
    WHERE state NOT IN ('OFFBOARDED', 'ROLLED_BACK', 'REJECTED');
CREATE INDEX tenants_slug ON tenants (slug, created_at);

CREATE TABLE provisioning_requests (
    id              uuid        PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    request         jsonb       NOT NULL,
    request_hash    text        NOT NULL,
    idempotency_key text        UNIQUE,
    requester       text        NOT NULL,
    route           jsonb       NOT NULL,
    created_at      timestamptz NOT NULL
);
ALTER TABLE tenants ADD CONSTRAINT tenants_request_fk
    FOREIGN KEY (request_id) REFERENCES provisioning_requests (id) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE approvals (
    request_id     uuid        NOT NULL REFERENCES provisioning_requests (id),
    approver_group text        NOT NULL,
    decision       text        NOT NULL CHECK (decision IN ('APPROVED', 'REJECTED')),
    approver       text        NOT NULL,
    decided_at     timestamptz NOT NULL,
    comment        text,
    PRIMARY KEY (request_id, approver_group)
);

CREATE TABLE resource_journal (
    id         bigserial   PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    kind       text        NOT NULL,
    name       text        NOT NULL,
    identifier text,
    tags       jsonb       NOT NULL DEFAULT '{}',
    attributes jsonb       NOT NULL DEFAULT '{}',
    status     text        NOT NULL CHECK (status IN ('INTENDED', 'CREATED', 'DELETED')),
    engine     text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX resource_journal_tenant ON resource_journal (tenant_id, created_at);

CREATE TABLE audit_log (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    tenant_slug text,
    action      text        NOT NULL,
    from_state  text,
    to_state    text,
    reason      text,
    prev_hash   text        NOT NULL,
    hash        text        NOT NULL
);
CREATE INDEX audit_log_tenant ON audit_log (tenant_slug, id);

-- defence in depth behind the grants: not even the owner edits history by accident
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE tenant_secrets (
    slug       text        NOT NULL,
    name       text        NOT NULL,
    sealed     bytea       NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (slug, name)
);

CREATE TABLE validation_runs (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    passed      boolean     NOT NULL,
    report      jsonb       NOT NULL
);
CREATE INDEX validation_runs_tenant ON validation_runs (tenant_id, finished_at);

-- who holds a tenant's run lock, so a refused run can say which run is in its way
CREATE TABLE run_holders (
    slug       text        PRIMARY KEY,
    run_id     text        NOT NULL,
    holder     text        NOT NULL,
    started_at timestamptz NOT NULL
);

GRANT USAGE ON SCHEMA "${flyway:defaultSchema}" TO "${appRole}";
-- least privilege: history tables are insert-only for the application, state rows are updated in place
GRANT SELECT, INSERT, UPDATE ON tenants, resource_journal TO "${appRole}";
GRANT SELECT, INSERT ON provisioning_requests, approvals, validation_runs TO "${appRole}";
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_secrets, run_holders TO "${appRole}";
GRANT SELECT, INSERT ON audit_log TO "${appRole}";
GRANT USAGE ON SEQUENCE audit_log_id_seq, resource_journal_id_seq TO "${appRole}";
