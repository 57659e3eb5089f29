-- Every version of a tenant's configuration (issue #18, "change a tenant"). Version 1 is the request the
-- tenant was provisioned from (recorded when its first change is asked for); each `tenantctl update` adds
-- one, pointing at a provisioning_requests row that holds the whole configuration as changed, so its
-- approvals use the approvals table like a new request's. The tenant's current configuration is its
-- newest APPLIED version; a FAILED one was applied, failed re-validation and was restored.
CREATE TABLE tenant_config_versions (
    tenant_id         uuid        NOT NULL REFERENCES tenants (id),
    version           integer     NOT NULL CHECK (version >= 1),
    request_id        uuid        NOT NULL REFERENCES provisioning_requests (id),
    status            text        NOT NULL CHECK (status IN ('PENDING_APPROVAL', 'APPROVED', 'APPLIED', 'REJECTED',
                                      'FAILED')),
    tier              text        NOT NULL,
    tier_config       jsonb       NOT NULL,
    cost              jsonb       NOT NULL,
    changes           jsonb       NOT NULL,
    changed_by        text        NOT NULL,
    changed_by_source text,
    note              text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, version)
);
CREATE UNIQUE INDEX tenant_config_versions_request ON tenant_config_versions (request_id);
-- one change in flight per tenant: a second one waits until the first is applied, rejected or failed
CREATE UNIQUE INDEX tenant_config_versions_one_open ON tenant_config_versions (tenant_id)
    WHERE status IN ('PENDING_APPROVAL', 'APPROVED');

GRANT SELECT, INSERT, UPDATE ON tenant_config_versions TO "${appRole}";
