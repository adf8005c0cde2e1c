-- Search and selection (issue 8): the segments a tenant names, its users' recent searches, the contacts that opted
-- out (so searches hide them), and selections of pre-leads. Nothing here touches credits: a selection is free.

-- A tenant's own segments ("Advogados" -> its CNAE list). The defaults ship with the service (segments.csv); a row
-- with a default's name replaces it for this tenant, and a hidden row removes it.
create table segment (
    tenant_id  text not null,
    name_key   text not null,            -- the name folded (lower case, no accents, single spaces): its identity
    name       text not null,            -- as the tenant wrote it
    cnaes      int[] not null check (cardinality(cnaes) between 0 and 100),
    hidden     boolean not null default false,
    updated_by text not null,
    updated_at timestamptz not null default clock_timestamp(),
    primary key (tenant_id, name_key),
    check (hidden or cardinality(cnaes) > 0)
);

-- "Buscas recentes": the last searches of each user, one row per distinct set of filters (searched again, it moves
-- to the top). Trimmed to the configured number per user when a search is recorded.
create table recent_search (
    tenant_id    text not null,
    user_id      text not null,          -- the token's subject
    criteria_key text not null,          -- the canonical filters, so the same search is one row
    criteria     jsonb not null,         -- the request as the user can send it again
    total_items  bigint,
    estimated    boolean not null default false,
    searched_at  timestamptz not null default clock_timestamp(),
    primary key (tenant_id, user_id, criteria_key)
);
create index recent_search_by_user on recent_search (tenant_id, user_id, searched_at desc);

-- Addresses (E.164 phone or lower-case e-mail) that opted out of a tenant's messages, from contact.opted-out.
-- messaging-service enforces the opt-out; this copy only keeps such companies out of searches and selections.
create table suppressed_contact (
    tenant_id    text not null,
    address      text not null,
    channel      text not null,
    cnpj         text,                   -- the company whose conversation it came from, when known
    opted_out_at timestamptz not null,
    primary key (tenant_id, address)
);
create index suppressed_contact_by_company on suppressed_contact (tenant_id, cnpj) where cnpj is not null;

-- A selection: companies a user picked from a search (by id, or "the whole query, up to N"), reviewed and trimmed
-- while DRAFT, then started (QUALIFYING) with one qualification run.
create table selection (
    id                   uuid primary key,
    tenant_id            text not null,
    name                 text not null,
    criteria             jsonb,          -- the search it was filled from, if it was
    skipped              jsonb not null default '{}', -- companies left out at creation, counted by reason
    status               text not null default 'DRAFT' check (status in ('DRAFT', 'QUALIFYING')),
    created_by           text not null,
    created_at           timestamptz not null default clock_timestamp(),
    qualification_run_id uuid,
    started_by           text,
    started_at           timestamptz
);
create index selection_by_tenant on selection (tenant_id, created_at desc, id desc);

-- A company selected by a tenant: at most once per tenant (the primary key is the dedupe by CNPJ), in one
-- selection. Its status follows the qualification (contacted, replied, classified...).
create table prelead (
    tenant_id       text not null,
    cnpj            text not null,
    selection_id    uuid not null references selection (id) on delete cascade,
    position        int  not null,       -- order in the selection (search order); trimming keeps the first ones
    company_name    text not null,
    snapshot        jsonb not null,      -- the company as the directory showed it when selected
    contactability  int  not null check (contactability between 0 and 100),
    status          text not null default 'SELECTED' check (status in ('SELECTED', 'QUEUED', 'CONTACTED',
                        'REPLIED', 'NEEDS_REVIEW', 'QUALIFIED', 'NOT_INTERESTED', 'INVALID', 'OPTED_OUT')),
    conversation_id text,
    contacted_at    timestamptz,
    replied_at      timestamptz,
    status_at       timestamptz not null default clock_timestamp(),
    primary key (tenant_id, cnpj)
);
create index prelead_by_selection on prelead (selection_id, position);

-- The addresses a tenant's pre-leads will be contacted at: each at most once per tenant, so two companies sharing
-- a phone (an accountant's, say) are not both contacted through it.
create table prelead_contact (
    tenant_id text not null,
    address   text not null,
    cnpj      text not null,
    kind      text not null check (kind in ('MOBILE', 'LANDLINE', 'EMAIL')),
    primary key (tenant_id, address),
    foreign key (tenant_id, cnpj) references prelead (tenant_id, cnpj) on delete cascade
);
create index prelead_contact_by_company on prelead_contact (tenant_id, cnpj);

alter table segment enable row level security;
create policy tenant_rows on segment using (dominus_row_visible(tenant_id));
alter table recent_search enable row level security;
create policy tenant_rows on recent_search using (dominus_row_visible(tenant_id));
alter table suppressed_contact enable row level security;
create policy tenant_rows on suppressed_contact using (dominus_row_visible(tenant_id));
alter table selection enable row level security;
create policy tenant_rows on selection using (dominus_row_visible(tenant_id));
alter table prelead enable row level security;
create policy tenant_rows on prelead using (dominus_row_visible(tenant_id));
alter table prelead_contact enable row level security;
create policy tenant_rows on prelead_contact using (dominus_row_visible(tenant_id));
