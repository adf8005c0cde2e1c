-- Qualification (issue 8): each tenant's rules for starting one, and when a pre-lead was last heard of.

-- A tenant's qualification settings; a tenant without a row has the defaults (see QualificationSettings).
create table lead_settings (
    tenant_id                  text primary key,
    -- Whether a selection may start: POSITIVE_BALANCE (the balance is above 0), COVER_EXPECTED (the balance covers
    -- the qualified leads expected: size x expected_qualified_percent / 100, rounded up) or NONE (always; leads
    -- qualified without credit are LOCKED until credits arrive).
    balance_policy             text not null check (balance_policy in ('POSITIVE_BALANCE', 'COVER_EXPECTED', 'NONE')),
    expected_qualified_percent int  not null check (expected_qualified_percent between 1 and 100),
    -- A contacted pre-lead without a reply after this many days counts as "no answer" in the funnel.
    no_answer_days             int  not null check (no_answer_days between 1 and 90),
    updated_by                 text not null,
    updated_at                 timestamptz not null default clock_timestamp()
);
alter table lead_settings enable row level security;
create policy tenant_rows on lead_settings using (dominus_row_visible(tenant_id));

-- A selection's pre-leads by status, for the funnel; and a pre-lead by its conversation (replies name it).
create index prelead_by_conversation on prelead (tenant_id, conversation_id) where conversation_id is not null;
