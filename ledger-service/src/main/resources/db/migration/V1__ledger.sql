-- The credit ledger (DESIGN §3): double entry, one debit per qualified lead, balances that never go negative.

-- Accounts: one credit account per tenant (its prepaid balance) and the platform's accounts that every movement is
-- balanced against. A tenant account keeps its balance in sync with its entries, in the same transaction, under a
-- row lock; platform accounts are touched by every tenant, so their balance is derived (sum of entries) instead of
-- kept, which would make one row every debit in the suite waits for.
create table account (
    id                    text primary key,     -- 'tenant/<tenant id>' or 'platform/<name>'
    tenant_id             text,                 -- set for tenant accounts only
    kind                  text   not null check (kind in ('TENANT', 'PLATFORM')),
    balance               bigint not null default 0,
    low_balance_threshold bigint not null default 10 check (low_balance_threshold >= 0),
    low_balance_notified  boolean not null default false,  -- credit.balance-low sent for the current crossing
    created_at            timestamptz not null default now(),
    constraint tenant_balance_never_negative check (kind <> 'TENANT' or balance >= 0),
    constraint tenant_account_has_tenant check ((kind = 'TENANT') = (tenant_id is not null))
);
create unique index account_of_tenant on account (tenant_id) where kind = 'TENANT';

insert into account (id, kind) values
    ('platform/credits-issued', 'PLATFORM'),    -- source of every grant: its derived balance is minus all credits sold
    ('platform/credits-consumed', 'PLATFORM');  -- where debits go: its derived balance is the credits used

-- A movement: one business fact (a grant, a debit, a reversal) whose entries sum to zero.
create table movement (
    id          uuid primary key,
    tenant_id   text not null,
    kind        text not null check (kind in ('GRANT', 'DEBIT', 'REVERSAL')),
    reference   text not null,                  -- grant id, lead id, or the reversed movement id
    reason      text,
    actor       text not null,                  -- who: a host operator's user name, or 'event:<topic>'
    reverses    uuid unique references movement (id),  -- a movement is reversed at most once
    created_at  timestamptz not null default clock_timestamp(),
    constraint reversal_names_its_movement check ((kind = 'REVERSAL') = (reverses is not null)),
    constraint reversal_has_reason check (kind <> 'REVERSAL' or length(trim(reason)) > 0)
);
-- A grant is applied once per grant id (the Stripe payment, or the id a host operator gave).
create unique index grant_once on movement (tenant_id, reference) where kind = 'GRANT';

-- Entries are immutable: a mistake is corrected by a compensating movement, never by an edit.
create table entry (
    id            bigserial primary key,
    movement_id   uuid   not null references movement (id),
    account_id    text   not null references account (id),
    amount        bigint not null check (amount <> 0),
    balance_after bigint,                       -- the tenant account's balance after this entry (null on platform)
    created_at    timestamptz not null default clock_timestamp(),
    constraint tenant_entry_never_negative check (balance_after is null or balance_after >= 0)
);
create index entry_statement on entry (account_id, id);
create index entry_of_movement on entry (movement_id);

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: correct it with a compensating movement', tg_table_name;
end $$;
create trigger entry_is_immutable before update or delete on entry
    for each row execute function refuse_change();
create trigger movement_is_immutable before update or delete on movement
    for each row execute function refuse_change();

-- One debit per qualified lead: pending while the tenant has no credit, charged once it is paid.
create table debit (
    id           uuid primary key,
    seq          bigserial not null,            -- arrival order: pending debits are settled oldest first
    tenant_id    text not null,
    lead_id      text not null,
    event_id     uuid not null,                 -- the lead.qualified event that asked for it
    status       text not null check (status in ('PENDING', 'CHARGED')),
    movement_id  uuid unique references movement (id),
    requested_at timestamptz not null default clock_timestamp(),
    charged_at   timestamptz,
    reversal_id  uuid unique references movement (id),
    constraint one_debit_per_lead unique (tenant_id, lead_id),
    constraint charged_has_movement check ((status = 'CHARGED') = (movement_id is not null))
);
create index pending_debits on debit (tenant_id, seq) where status = 'PENDING';
