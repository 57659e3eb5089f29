-- Trust boundaries of approvals (issue #15 items 3 and 4).
-- Who asked and who decided were free strings; now each also says where the identity came from
-- (e.g. cli:os-user, cli:TENANTCTL_OPERATOR, jenkins:build-user, jenkins:input-submitter).
-- Rows written before this migration have no source: NULL means "not recorded".
ALTER TABLE provisioning_requests ADD COLUMN requester_source text;
ALTER TABLE approvals ADD COLUMN approver_source text;

-- Separation of duties behind the application's own check: one person decides for one group of a
-- request at most, compared the way the application compares identities (case and blanks ignored).
CREATE UNIQUE INDEX approvals_one_group_per_person ON approvals (request_id, lower(btrim(approver)));
