-- messaging-service: channels (a tenant's numbers and mailboxes), conversations with companies, every message both
-- ways with its provider status, the suppression (opt-out) list and the tenant settings it follows.

-- A sender a tenant owns: a WhatsApp number (Meta Cloud API, Twilio or an Evolution instance), an SMS number (Twilio)
-- or a mailbox (SMTP out, IMAP in). Non-secret provider settings are plain JSON; secrets are one AES-GCM envelope
-- (CredentialCipher), bound to the tenant and the channel.
create table channel (
    id              uuid primary key,
    tenant_id       text not null,
    kind            text not null check (kind in ('WHATSAPP', 'SMS', 'EMAIL')),
    provider        text not null check (provider in ('META', 'TWILIO', 'EVOLUTION', 'SMTP')),
    address         text not null,          -- the sender as contacts see it: E.164 or an e-mail address
    name            text not null,
    settings        jsonb not null default '{}',
    credentials     text not null,          -- v1:<key id>:<iv>:<ciphertext>
    daily_cap       integer not null check (daily_cap > 0),
    per_second      integer not null check (per_second > 0),
    status          text not null default 'ACTIVE' check (status in ('ACTIVE', 'PAUSED', 'DELETED')),
    connection      text,                   -- Evolution: open / connecting / close
    quality         text not null default 'UNKNOWN',
    last_error      text,
    last_error_at   timestamptz,
    -- Per-number pacing and warm-up, under the row lock the dispatcher takes: the earliest time the next send may
    -- start (sends are spaced 1/per_second apart), and how many were sent on sent_day (America/Sao_Paulo).
    next_slot_at    timestamptz not null default 'epoch',
    sent_day        date,
    sent_today      integer not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check ((kind = 'WHATSAPP' and provider in ('META', 'TWILIO', 'EVOLUTION'))
        or (kind = 'SMS' and provider = 'TWILIO')
        or (kind = 'EMAIL' and provider = 'SMTP'))
);
-- One live channel per sender and provider, across tenants: an inbound message to that address has one owner.
create unique index channel_sender on channel (provider, address) where status <> 'DELETED';
create index channel_tenant on channel (tenant_id, kind) where status = 'ACTIVE';

-- One conversation per tenant and company: the outreach plan (channels to try, in order) and where it stands.
create table conversation (
    id                     uuid primary key,
    tenant_id              text not null,
    cnpj                   text not null,
    company_name           text not null,
    selection_id           text not null,
    qualification_run_id   text not null,
    plan                   jsonb not null,      -- [{"kind":"WHATSAPP","address":"+55…"}, …]
    attempt                integer not null default 0,   -- index into plan of the current step
    state                  text not null default 'CONTACTING'
                           check (state in ('CONTACTING', 'AWAITING_REPLY', 'REPLIED', 'EXHAUSTED', 'OPTED_OUT',
                                            'SUPPRESSED', 'NO_CHANNEL')),
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    unique (tenant_id, cnpj)
);

-- Every message, out and in. An outgoing message is recorded (SCHEDULED) before any provider call; its id is the
-- idempotency key the provider sees (Meta biz_opaque_callback_data, Twilio's status callback URL, the Message-ID).
create table message (
    id                   uuid primary key,
    tenant_id            text not null,
    conversation_id      uuid references conversation (id),   -- null for a message from a sender we never wrote to
    channel_id           uuid references channel (id),
    direction            text not null check (direction in ('OUT', 'IN')),
    purpose              text not null default 'OUTREACH' check (purpose in ('OUTREACH', 'OPT_OUT_CONFIRMATION', 'REPLY')),
    kind                 text not null check (kind in ('WHATSAPP', 'SMS', 'EMAIL')),
    provider             text,
    address              text not null,        -- the contact's address (recipient or sender)
    subject              text,
    body                 text not null,
    status               text not null check (status in ('SCHEDULED', 'SENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED',
                                                         'UNDELIVERED', 'CANCELLED', 'RECEIVED')),
    attempt              integer not null default 0,  -- step of the conversation's plan
    -- Each claim to send (SENDING) counts one; the answer to a send is applied only while the message is still at
    -- the try it answers (a fence: a late answer never moves a later try).
    send_tries           integer not null default 0,
    failures             integer not null default 0,  -- transient failures so far; the message gives up at a limit
    first_try_at         timestamptz,          -- when the first try may have reached the provider (reconciliation)
    not_before           timestamptz,          -- SCHEDULED: due time; SENDING: the slot of the current try
    claimed_until        timestamptz,
    provider_message_id  text,
    error_code           text,
    error                text,
    created_at           timestamptz not null default now(),
    sent_at              timestamptz,
    delivered_at         timestamptz,
    updated_at           timestamptz not null default now()
);
-- Inbound messages and statuses are matched and deduplicated by the provider's id, within the tenant: an id another
-- tenant's channel reported (or made up) never hides this tenant's message.
create unique index message_provider_id on message (tenant_id, provider, provider_message_id)
    where provider_message_id is not null;
create index message_due on message (not_before) where status = 'SCHEDULED';
create index message_in_doubt on message (claimed_until) where status = 'SENDING';
create index message_awaiting_delivery on message (sent_at) where status = 'SENT' and direction = 'OUT';
create index message_conversation on message (conversation_id, created_at);
-- A reply is tied to the conversation that last wrote to its sender.
create index message_last_written on message (tenant_id, address, created_at desc) where direction = 'OUT';
-- What a channel sent today, for its daily cap.
create index message_channel_day on message (channel_id, sent_at) where direction = 'OUT' and sent_at is not null;

-- Contacts that asked not to be contacted. tenant_id '*' is the platform-wide list (every tenant honours it).
create table suppression (
    tenant_id    text not null,
    address      text not null,          -- E.164 or lower-case e-mail
    cnpj         text,
    source       text not null,          -- OPT_OUT (a reply), MANUAL (a user), PLATFORM (host operator)
    channel      text,
    reason       text,
    created_at   timestamptz not null default now(),
    primary key (tenant_id, address)
);
create index suppression_cnpj on suppression (tenant_id, cnpj) where cnpj is not null;

-- Per-tenant pacing across all its channels (the tenant's send rate), like channel.next_slot_at.
create table tenant_send_slot (
    tenant_id     text primary key,
    next_slot_at  timestamptz not null
);

-- The latest tenant.settings-changed seen per tenant (templates, opt-out words, quiet hours).
create table tenant_settings (
    tenant_id    text primary key,
    settings     jsonb not null,
    updated_at   timestamptz not null default now()
);

alter table channel enable row level security;
create policy tenant_rows on channel using (dominus_row_visible(tenant_id));
alter table conversation enable row level security;
create policy tenant_rows on conversation using (dominus_row_visible(tenant_id));
alter table message enable row level security;
create policy tenant_rows on message using (dominus_row_visible(tenant_id));
-- The platform-wide list ('*') is read by every tenant and written only across tenants (host operators, migrations):
-- a tenant's transaction reads its rows and '*' rows, but changes its own rows only.
alter table suppression enable row level security;
create policy tenant_rows on suppression using (dominus_row_visible(tenant_id));
create policy platform_rows_readable on suppression for select using (tenant_id = '*');
alter table tenant_send_slot enable row level security;
create policy tenant_rows on tenant_send_slot using (dominus_row_visible(tenant_id));
alter table tenant_settings enable row level security;
create policy tenant_rows on tenant_settings using (dominus_row_visible(tenant_id));
