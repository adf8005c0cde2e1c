package com.dominusleads.events;

/** Kafka headers every event carries (set by the outbox router, read by idempotent consumers). */
public final class EventHeaders {

    /** The outbox row id: unique per event, the deduplication key of every consumer. */
    public static final String ID = "id";
    /** The event type, equal to the topic name. */
    public static final String EVENT_TYPE = "eventType";
    /** The tenant the event belongs to; present with a null value on topics that are not tenant-scoped. */
    public static final String TENANT_ID = "tenantId";
    /** W3C trace context of the transaction that wrote the event. */
    public static final String TRACEPARENT = "traceparent";

    private EventHeaders() {
    }
}
