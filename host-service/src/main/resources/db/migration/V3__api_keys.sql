-- Host API keys: machine access to the suite's APIs (X-API-KEY). A key belongs to one tenant (its scopes are tenant
-- roles) or to the platform (tenant_id null, scope host-admin). Only the secret's SHA-256 is stored; the whole key
-- is shown once, at creation.
create table api_key (
    id           uuid primary key,
    tenant_id    text references tenant (tenant_id),
    name         text   not null check (length(trim(name)) between 1 and 200),
    prefix       text   not null,                    -- the key's first characters, to tell keys apart in listings
    secret_hash  bytea  not null,
    scopes       text[] not null check (cardinality(scopes) > 0),
    expires_at   timestamptz,                         -- null: until revoked
    revoked_at   timestamptz,
    last_used_at timestamptz,
    created_by   text   not null,
    created_at   timestamptz not null default now()
);
create index api_key_of_tenant on api_key (tenant_id, created_at);

alter table api_key enable row level security;
create policy tenant_rows on api_key using (dominus_row_visible(tenant_id));
