-- Per-tenant tables. Run by PostgresSchemaDriver as the admin role (which owns every table here),
-- with placeholders tenant_schema and tenant_role derived from the slug (safe identifiers, quoted).
-- Every table carries tenant_id, filled from the transaction-local app.tenant_id, and is protected by
-- row-level security ENABLED and FORCED with one policy for the tenant role.

create table "${tenant_schema}".documents (
    id         bigint generated always as identity primary key,
    tenant_id  text not null default current_setting('app.tenant_id', true),
    title      text not null,
    body       text not null,
    created_at timestamptz not null default now()
);

create table "${tenant_schema}".chunks (
    id          bigint generated always as identity primary key,
    document_id bigint not null references "${tenant_schema}".documents (id) on delete cascade,
    tenant_id   text not null default current_setting('app.tenant_id', true),
    ordinal     integer not null check (ordinal >= 0),
    content     text not null,
    unique (document_id, ordinal)
);

create table "${tenant_schema}".query_log (
    id         bigint generated always as identity primary key,
    tenant_id  text not null default current_setting('app.tenant_id', true),
    question   text not null,
    latency_ms double precision not null check (latency_ms >= 0),
    at         timestamptz not null default now()
);

alter table "${tenant_schema}".documents enable row level security;
alter table "${tenant_schema}".documents force row level security;
alter table "${tenant_schema}".chunks enable row level security;
alter table "${tenant_schema}".chunks force row level security;
alter table "${tenant_schema}".query_log enable row level security;
alter table "${tenant_schema}".query_log force row level security;

create policy tenant_isolation on "${tenant_schema}".documents for all to "${tenant_role}"
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
create policy tenant_isolation on "${tenant_schema}".chunks for all to "${tenant_role}"
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
create policy tenant_isolation on "${tenant_schema}".query_log for all to "${tenant_role}"
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- The tenant role reads and writes its own tables and nothing else (not the schema history table).
grant usage on schema "${tenant_schema}" to "${tenant_role}";
grant select, insert, update, delete on "${tenant_schema}".documents, "${tenant_schema}".chunks,
    "${tenant_schema}".query_log to "${tenant_role}";
grant usage, select on all sequences in schema "${tenant_schema}" to "${tenant_role}";
