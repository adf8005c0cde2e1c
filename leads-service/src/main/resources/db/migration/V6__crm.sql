-- The mini-CRM (issue 8): pipelines with tenant-defined stages, leads with their company, contacts, owner, stage and
-- tags, notes, activities, and one timeline per company of everything that happened to it.

create table pipeline (
    id         uuid primary key,
    tenant_id  text not null,
    name       text not null,
    stages     text[] not null check (cardinality(stages) between 2 and 20),
    is_default boolean not null default false,
    created_at timestamptz not null default clock_timestamp(),
    unique (tenant_id, name)
);
-- One default pipeline per tenant (new leads start in its first stage).
create unique index one_default_pipeline on pipeline (tenant_id) where is_default;

-- A lead's CRM side. Imported leads (CSV) were not qualified by the suite: NOT_BILLED, no credit, nothing to hide.
alter table lead drop constraint lead_billing_state_check;
alter table lead add constraint lead_billing_state_check
    check (billing_state in ('AWAITING_CHARGE', 'CHARGED', 'LOCKED', 'NOT_BILLED'));
alter table lead
    add column company_name text,
    add column company      jsonb,             -- the company as selected (or imported)
    add column origin       text not null default 'QUALIFICATION' check (origin in ('QUALIFICATION', 'IMPORT')),
    add column owner        text,              -- the user who works it
    add column pipeline_id  uuid references pipeline (id),
    add column stage        text,
    add column tags         text[] not null default '{}',
    add column updated_at   timestamptz not null default clock_timestamp();
-- The CRM list: newest first, keyset on (qualified_at, id); filters by stage, owner and tag.
create index lead_list on lead (tenant_id, qualified_at desc, id desc);
create index lead_by_stage on lead (tenant_id, pipeline_id, stage);
create index lead_by_tag on lead using gin (tags);

-- How to reach a lead: copied from its pre-lead's contacts (or imported). Hidden while the lead is LOCKED.
create table lead_contact (
    tenant_id text not null,
    lead_id   uuid not null references lead (id) on delete cascade,
    address   text not null,
    kind      text not null check (kind in ('MOBILE', 'LANDLINE', 'EMAIL')),
    primary key (lead_id, address)
);

create table lead_note (
    id         uuid primary key,
    tenant_id  text not null,
    lead_id    uuid not null references lead (id) on delete cascade,
    author     text not null,
    text       text not null,
    created_at timestamptz not null default clock_timestamp()
);
create index lead_note_by_lead on lead_note (lead_id, created_at);

create table lead_activity (
    id         uuid primary key,
    tenant_id  text not null,
    lead_id    uuid not null references lead (id) on delete cascade,
    kind       text not null check (kind in ('CALL', 'MEETING', 'TASK')),
    title      text not null,
    due_at     timestamptz,
    done_at    timestamptz,
    author     text not null,
    created_at timestamptz not null default clock_timestamp()
);
create index lead_activity_by_lead on lead_activity (lead_id, created_at);

-- Everything that happened to a company for a tenant, from its selection on, in order: selected, contacted, replies
-- both ways, classified, reviewed, qualified, charged or locked, stage and owner changes, notes, activities.
create table company_event (
    id        bigint generated always as identity primary key,
    tenant_id text not null,
    cnpj      text not null,
    at        timestamptz not null default clock_timestamp(),
    kind      text not null,
    actor     text,                          -- the user, or null for the suite itself
    data      jsonb not null default '{}'
);
create index company_event_by_company on company_event (tenant_id, cnpj, at, id);

alter table pipeline enable row level security;
create policy tenant_rows on pipeline using (dominus_row_visible(tenant_id));
alter table lead_contact enable row level security;
create policy tenant_rows on lead_contact using (dominus_row_visible(tenant_id));
alter table lead_note enable row level security;
create policy tenant_rows on lead_note using (dominus_row_visible(tenant_id));
alter table lead_activity enable row level security;
create policy tenant_rows on lead_activity using (dominus_row_visible(tenant_id));
alter table company_event enable row level security;
create policy tenant_rows on company_event using (dominus_row_visible(tenant_id));
