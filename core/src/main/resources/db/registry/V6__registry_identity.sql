-- Issue #15 item 2: this registry's identity, generated once. Every resource tenantctl creates carries it
-- (its ownership marker), and create, rollback and the sweep touch only resources that carry it, so a
-- second registry (staging) on the same services never takes over or deletes this one's resources.
-- One row, never updated: changing it would orphan every resource this registry created.
CREATE TABLE registry_identity (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    registry_id uuid NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO registry_identity (registry_id) VALUES (gen_random_uuid());
GRANT SELECT ON registry_identity TO "${appRole}";
