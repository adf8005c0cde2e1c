-- Classification of replies (issue 8): each tenant's playbook, and every reply with the outcome it was given.

-- A tenant's own playbook; a tenant without one classifies with the Portuguese defaults (dominus/playbook-pt.csv).
create table playbook (
    tenant_id  text primary key,
    rules      jsonb not null,              -- [{phrase, outcome}]
    updated_by text not null,
    updated_at timestamptz not null default clock_timestamp()
);
alter table playbook enable row level security;
create policy tenant_rows on playbook using (dominus_row_visible(tenant_id));

-- Replies from companies being qualified (message.replied), kept for the review bucket and the lead's timeline.
create table reply (
    tenant_id       text not null,
    message_id      text not null,          -- messaging-service's id of the inbound message
    cnpj            text not null,
    conversation_id text not null,
    channel         text not null,
    sender          text not null,
    text            text not null,
    received_at     timestamptz not null,
    outcome         text not null check (outcome in ('INTERESTED', 'NOT_INTERESTED', 'INVALID', 'NEEDS_REVIEW')),
    matched         text[] not null default '{}',  -- the playbook phrases it matched, as the reason
    primary key (tenant_id, message_id)
);
create index reply_by_company on reply (tenant_id, cnpj, received_at);
alter table reply enable row level security;
create policy tenant_rows on reply using (dominus_row_visible(tenant_id));

-- The review bucket: a tenant's pre-leads waiting for a human, oldest first.
create index prelead_by_status on prelead (tenant_id, status, status_at, cnpj);
