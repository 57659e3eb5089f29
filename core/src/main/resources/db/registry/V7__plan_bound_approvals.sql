-- Issue #16 item 6 and #15 item 4: with the terraform engine an approval binds to the saved plan it
-- approved. Every plan made for a request is kept (append-only; the newest is the request's current plan),
-- with its SHA-256 and its summary (addresses and actions only: no value of the plan, which can be
-- sensitive). auto_approved: the approval policy approved this plan (the request's route is empty).
CREATE TABLE request_plans (
    id            bigserial   PRIMARY KEY,
    request_id    uuid        NOT NULL REFERENCES provisioning_requests (id),
    engine        text        NOT NULL,
    plan_sha256   text        NOT NULL CHECK (plan_sha256 ~ '^[0-9a-f]{64}$'),
    summary       text        NOT NULL,
    auto_approved boolean     NOT NULL,
    planned_at    timestamptz NOT NULL,
    planned_by    text        NOT NULL,
    reason        text        NOT NULL
);
CREATE INDEX request_plans_by_request ON request_plans (request_id, id);
GRANT SELECT, INSERT ON request_plans TO "${appRole}";
GRANT USAGE ON SEQUENCE request_plans_id_seq TO "${appRole}";

-- Each decision records the plan it approved (NULL: no saved plan, the direct engine or a change).
-- A new plan needs new decisions: a group decides once per request AND plan, and one person decides for
-- one group per request and plan; decisions on an earlier plan stay, for the record, and count no more.
ALTER TABLE approvals ADD COLUMN plan_sha256 text CHECK (plan_sha256 ~ '^[0-9a-f]{64}$');
ALTER TABLE approvals DROP CONSTRAINT approvals_pkey;
CREATE UNIQUE INDEX approvals_one_decision_per_group_and_plan
    ON approvals (request_id, approver_group, coalesce(plan_sha256, ''));
DROP INDEX approvals_one_group_per_person;
CREATE UNIQUE INDEX approvals_one_group_per_person
    ON approvals (request_id, coalesce(plan_sha256, ''), lower(btrim(approver)));
