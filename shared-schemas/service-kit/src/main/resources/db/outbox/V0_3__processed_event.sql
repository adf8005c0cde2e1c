-- The idempotent consumer's memory (DESIGN §3): the id of every event this service has processed, written in the
-- same transaction as the event's effect. A redelivered event finds its id here and changes nothing.
create table processed_event (
    event_id     uuid primary key,          -- Kafka header "id" (the producer's outbox row id)
    topic        text        not null,
    processed_at timestamptz not null default now()
);

-- Events that cannot be applied (bytes no schema decodes, or values the business refuses): kept with their position
-- and the reason, never dropped silently, and acknowledged so that one bad record cannot stop a partition.
create table quarantined_event (
    event_id       uuid primary key,
    topic          text        not null,
    kafka_partition int        not null,
    kafka_offset   bigint      not null,
    reason         text        not null,
    quarantined_at timestamptz not null default now()
);
