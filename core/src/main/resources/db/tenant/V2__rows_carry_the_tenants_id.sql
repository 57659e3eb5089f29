-- Issue #15 item 7: every row carries this tenant's id, whatever app.tenant_id says.
-- Before, tenant_id defaulted to current_setting('app.tenant_id', true) and the policy compared with the
-- same setting, which the tenant sets itself: with it set to '' a row got tenant_id '' and passed, and a
-- row labelled with another tenant's id passed while that id was claimed. An export reading as the
-- tenant missed both, and offboarding then dropped them with the schema.
-- Placeholder tenant_id is the slug ([a-z0-9-] only, safe inside a literal).

-- An empty setting is no setting: the default is then NULL, which NOT NULL refuses.
alter table "${tenant_schema}".documents
    alter column tenant_id set default nullif(current_setting('app.tenant_id', true), '');
alter table "${tenant_schema}".chunks
    alter column tenant_id set default nullif(current_setting('app.tenant_id', true), '');
alter table "${tenant_schema}".query_log
    alter column tenant_id set default nullif(current_setting('app.tenant_id', true), '');

-- NOT VALID: rows written before this migration are not checked here (the migration must not fail on
-- them); the export compares with the admin's count of every row and refuses to let offboarding drop
-- rows it could not read. Every new or updated row is checked.
alter table "${tenant_schema}".documents
    add constraint documents_tenant_id_is_this_tenant check (tenant_id = '${tenant_id}') not valid;
alter table "${tenant_schema}".chunks
    add constraint chunks_tenant_id_is_this_tenant check (tenant_id = '${tenant_id}') not valid;
alter table "${tenant_schema}".query_log
    add constraint query_log_tenant_id_is_this_tenant check (tenant_id = '${tenant_id}') not valid;

-- The tenant reaches its own rows only, and only while it claims its own id: unset or '' reaches
-- nothing and writes nothing.
alter policy tenant_isolation on "${tenant_schema}".documents
    using (tenant_id = '${tenant_id}' and tenant_id = nullif(current_setting('app.tenant_id', true), ''))
    with check (tenant_id = '${tenant_id}' and tenant_id = nullif(current_setting('app.tenant_id', true), ''));
alter policy tenant_isolation on "${tenant_schema}".chunks
    using (tenant_id = '${tenant_id}' and tenant_id = nullif(current_setting('app.tenant_id', true), ''))
    with check (tenant_id = '${tenant_id}' and tenant_id = nullif(current_setting('app.tenant_id', true), ''));
alter policy tenant_isolation on "${tenant_schema}".query_log
    using (tenant_id = '${tenant_id}' and tenant_id = nullif(current_setting('app.tenant_id', true), ''))
    with check (tenant_id = '${tenant_id}' and tenant_id = nullif(current_setting('app.tenant_id', true), ''));
