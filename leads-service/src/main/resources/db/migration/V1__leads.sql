-- Qualified leads: the companies a tenant is paying for, and whether the ledger has charged the credit yet.

-- One row per company a tenant qualified. The lead.qualified event for it is written to the outbox in the same
-- transaction as the row, and only when the row is new: the unique constraint is what makes qualifying a company
-- twice (a retried request, two operators at once) a no-op instead of a second debit.
create table lead (
    id                   uuid primary key,
    tenant_id            text not null,
    cnpj                 text not null,         -- the bare 14 characters (numeric or alphanumeric), validated
    qualification_run_id text not null,
    conversation_id      text,                  -- the conversation whose reply qualified it, when there was one
    score                int  not null check (score between 0 and 100),
    -- Set from the ledger's events, never by a user: AWAITING_CHARGE until the ledger answers, then CHARGED
    -- (credit.debited) or LOCKED (credit.debit-rejected: no credit, the lead stays locked until one is granted).
    billing_state        text not null default 'AWAITING_CHARGE'
                         check (billing_state in ('AWAITING_CHARGE', 'CHARGED', 'LOCKED')),
    debit_id             text,                  -- the ledger's debit (or pending debit) id, to reconcile with it
    qualified_at         timestamptz not null default clock_timestamp(),
    billing_updated_at   timestamptz,           -- when the ledger's last word on this lead was applied
    constraint one_lead_per_company unique (tenant_id, cnpj)
);

-- A tenant's leads by billing state (the locked ones to unlock, the billing summary's counts), newest first.
create index lead_by_billing_state on lead (tenant_id, billing_state, qualified_at desc);
