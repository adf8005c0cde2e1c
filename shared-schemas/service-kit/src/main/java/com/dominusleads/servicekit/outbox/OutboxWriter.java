package com.dominusleads.servicekit.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Appends an event to the outbox inside the caller's transaction: the event is published if and only if that
 * transaction commits. Never call it with a client that is not in a transaction (the point is atomicity).
 */
@ApplicationScoped
@IfBuildProperty(name = "dominus.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxWriter {

    static final String INSERT = """
            insert into outbox (id, event_type, message_key, tenant_id, payload, traceparent, occurred_at)
            values ($1, $2, $3, $4, $5, $6, $7)""";

    private final EventPayloadEncoder encoder;

    public OutboxWriter(EventPayloadEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * Writes {@code event} with {@code transaction}; the result is the event id (the Kafka {@code id} header). An
     * event that cannot be encoded (schemas not resolved yet) fails the returned {@code Uni}, and so the transaction.
     */
    public Uni<UUID> append(SqlClient transaction, SpecificRecord event) {
        return Uni.createFrom().item(() -> OutboxEvent.of(event, encoder.encode(event), Traceparent.current(), Instant.now()))
                .chain(row -> transaction.preparedQuery(INSERT)
                        .execute(Tuple.from(Arrays.asList(row.id(), row.eventType(), row.messageKey(), row.tenantId(),
                                Buffer.buffer(row.payload()), row.traceparent(), row.occurredAt().toEpochMilli())))
                        .replaceWith(row.id()));
    }
}
