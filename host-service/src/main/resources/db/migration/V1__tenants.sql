-- Plans: what a tenant subscribes to. Platform-wide (no tenant column); a price change is a new plan, so a Stripe
-- price never changes under its subscribers.
create table plan (
    code                text primary key check (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name                text   not null check (length(trim(name)) between 1 and 200),
    price_cents         bigint not null check (price_cents >= 0),
    currency            text   not null default 'brl' check (currency ~ '^[a-z]{3}$'),
    monthly_credits     bigint not null check (monthly_credits >= 0),  -- granted on each paid invoice
    max_users           int    check (max_users > 0),                  -- null: unlimited
    messages_per_month  int    check (messages_per_month >= 0),        -- null: unlimited
    api_rate_per_second int    not null check (api_rate_per_second > 0),
    stripe_product_id   text,
    stripe_price_id     text unique,
    active              boolean not null default true,                 -- inactive: kept for its subscribers, not sold
    created_at          timestamptz not null default now()
);

-- Tenants: the host's registry of customer workspaces. The tenant id is the slug (stable, URL-safe): it is the
-- tenant_id claim of every token, the Keycloak organization's alias, and the key of every tenant event.
create table tenant (
    tenant_id          text primary key check (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    display_name       text not null check (length(trim(display_name)) between 1 and 200),
    plan_code          text references plan (code),
    -- PROVISIONING until Keycloak holds its organization and first admin; SUSPENDED refuses its users' tokens;
    -- CLOSED (deleted) keeps the data until purge_after, then the purge removes its identities.
    status             text not null check (status in ('PROVISIONING', 'ACTIVE', 'SUSPENDED', 'CLOSED')),
    status_reason      text,
    admin_email        text not null,
    admin_first_name   text,
    admin_last_name    text,
    keycloak_org_id    text,
    keycloak_admin_id  text,
    invitation_sent_at timestamptz,
    provisioning_error text,                 -- why the last provisioning attempt stopped (null once ACTIVE)
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    closed_at          timestamptz,
    purge_after        timestamptz,
    purged_at          timestamptz,
    version            bigint not null default 0,  -- bumped by every change: the order of tenant.updated events
    constraint closed_has_retention check ((status = 'CLOSED') = (closed_at is not null and purge_after is not null))
);
create index tenant_to_provision on tenant (created_at) where status = 'PROVISIONING';
create index tenant_to_purge on tenant (purge_after) where status = 'CLOSED' and purged_at is null;

alter table tenant enable row level security;
create policy tenant_rows on tenant using (dominus_row_visible(tenant_id));
