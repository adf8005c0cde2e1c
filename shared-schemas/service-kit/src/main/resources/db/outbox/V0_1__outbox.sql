-- Transactional outbox (DESIGN §3): a service writes its state change and the event in one transaction; Debezium
-- streams new rows to Kafka. Shared by every service through dominus-service-kit; the connector config is
-- deploy/connect/outbox-connector.json.
create table outbox (
    id          uuid primary key,       -- Kafka header "id": the consumers' deduplication key
    event_type  text   not null,        -- the topic, and the "eventType" header
    message_key text   not null,        -- the Kafka record key (tenant id unless the schema says otherwise)
    tenant_id   text,                   -- the "tenantId" header; null on topics that are not tenant-scoped
    payload     bytea  not null,        -- Avro, framed by the Apicurio serializer (magic byte + content id)
    traceparent text,                   -- W3C trace context of the writing transaction
    occurred_at bigint not null         -- epoch millis when written; the Kafka timestamp is the commit time
);

-- Debezium reads this publication; created here so that no row can be written before it exists. Inserts only: a
-- clean-up of published rows must not reach the EventRouter as events. Database names must match [a-z0-9_]
-- (replication slot names allow nothing else).
create publication ${flyway:database}_outbox for table outbox with (publish = 'insert');
