package com.dominusleads.servicekit.outbox;

import com.dominusleads.events.EventCatalog;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** One row of the {@code outbox} table: an encoded event and the values the Debezium EventRouter turns into headers. */
public record OutboxEvent(UUID id, String eventType, String messageKey, String tenantId, byte[] payload,
                          String traceparent, Instant occurredAt) {

    private static final String TENANT_FIELD = "tenantId";

    /** The row for {@code event}, its payload already encoded, with a fresh id. */
    public static OutboxEvent of(SpecificRecord event, byte[] payload, String traceparent, Instant occurredAt) {
        Schema.Field tenantField = event.getSchema().getField(TENANT_FIELD);
        String tenantId = tenantField == null ? null : String.valueOf(event.get(tenantField.pos()));
        return new OutboxEvent(UUID.randomUUID(), EventCatalog.topicOf(event), EventCatalog.recordKeyOf(event),
                tenantId, payload, traceparent, occurredAt);
    }
}
