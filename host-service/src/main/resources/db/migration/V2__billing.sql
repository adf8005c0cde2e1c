-- Billing: what the host sells through Stripe (plans in V1, credit packs here), which Stripe customer each tenant is,
-- the tenants' subscriptions, every Stripe event received (each applied once), and the credits tenants consume.

-- Credit packs: one-off purchases of credits. Platform-wide (no tenant column). As for plans, a price change is a new
-- pack: a Stripe price never changes under a checkout already started.
create table credit_pack (
    code              text primary key check (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name              text   not null check (length(trim(name)) between 1 and 200),
    credits           bigint not null check (credits > 0),
    price_cents       bigint not null check (price_cents > 0),
    currency          text   not null default 'brl' check (currency ~ '^[a-z]{3}$'),
    stripe_product_id text   not null,
    stripe_price_id   text   not null unique,
    active            boolean not null default true,          -- inactive: no new checkout, past purchases still credit
    created_at        timestamptz not null default now()
);

-- The Stripe customer of each tenant, created once (at its first checkout). Webhooks find their tenant here and only
-- here: an event's metadata is a cross-check, never the source.
create table stripe_customer (
    tenant_id   text primary key references tenant (tenant_id),
    customer_id text not null unique,
    created_at  timestamptz not null default now()
);
alter table stripe_customer enable row level security;
create policy tenant_rows on stripe_customer using (dominus_row_visible(tenant_id));

-- A tenant's Stripe subscriptions as the webhooks told us. PAST_DUE starts a grace period; a tenant whose grace ended
-- unpaid is suspended (status_reason 'payment_overdue') until an invoice of the subscription is paid.
create table subscription (
    subscription_id    text primary key,                    -- Stripe's sub_…
    tenant_id          text not null references tenant (tenant_id),
    plan_code          text references plan (code),         -- null: a price no plan of ours has
    status             text not null check (status in ('INCOMPLETE', 'INCOMPLETE_EXPIRED', 'TRIALING', 'ACTIVE',
                                                        'PAST_DUE', 'UNPAID', 'CANCELED', 'PAUSED')),
    current_period_end timestamptz,
    past_due_since     timestamptz,
    grace_until        timestamptz,
    last_event_at      timestamptz,                         -- creation time of the newest Stripe event applied
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    constraint grace_only_when_due check ((past_due_since is null) = (grace_until is null))
);
create index subscription_of_tenant on subscription (tenant_id);
create index subscription_overdue on subscription (grace_until) where status in ('PAST_DUE', 'UNPAID');
alter table subscription enable row level security;
create policy tenant_rows on subscription using (dominus_row_visible(tenant_id));

-- Every Stripe event received with a valid signature, recorded in the transaction of its effects: a redelivery finds
-- its id here and changes nothing. tenant_id is null when no tenant could be resolved (unknown customer), so such rows
-- are visible to cross-tenant (operator and webhook) transactions only.
create table stripe_event (
    event_id    text primary key,                           -- Stripe's evt_…
    type        text not null,
    tenant_id   text,
    received_at timestamptz not null default now(),
    outcome     text not null                               -- what was done, or why nothing was
);
create index stripe_event_of_tenant on stripe_event (tenant_id, received_at);
alter table stripe_event enable row level security;
create policy tenant_rows on stripe_event using (dominus_row_visible(tenant_id));

-- Credits consumed per tenant and calendar day in America/Sao_Paulo (the platform's business day), summed from
-- credit.debited events (each applied once by the idempotent consumer).
create table usage_daily (
    tenant_id text   not null,
    day       date   not null,
    credits   bigint not null check (credits >= 0),
    primary key (tenant_id, day)
);
alter table usage_daily enable row level security;
create policy tenant_rows on usage_daily using (dominus_row_visible(tenant_id));
