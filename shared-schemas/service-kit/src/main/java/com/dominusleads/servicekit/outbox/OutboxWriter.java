package com.dominusleads.servicekit.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
        return appendAll(transaction, List.of(event)).map(ids -> ids.get(0));
    }

    /**
     * Writes {@code event} with a JDBC connection whose transaction is open (auto-commit off): for services whose
     * writes are JDBC, such as the directory's bulk loads. The result is the event id.
     */
    public UUID append(Connection transaction, SpecificRecord event) throws SQLException {
        if (transaction.getAutoCommit()) {
            throw new IllegalStateException("the outbox row must be written in the transaction of the state change");
        }
        OutboxEvent row = OutboxEvent.of(event, encoder.encode(event), Traceparent.current(), Instant.now());
        try (PreparedStatement insert = transaction.prepareStatement(INSERT.replaceAll("\\$[0-9]", "?"))) {
            insert.setObject(1, row.id());
            insert.setString(2, row.eventType());
            insert.setString(3, row.messageKey());
            insert.setString(4, row.tenantId());
            insert.setBytes(5, row.payload());
            insert.setString(6, row.traceparent());
            insert.setLong(7, row.occurredAt().toEpochMilli());
            insert.executeUpdate();
        }
        return row.id();
    }

    /** Writes {@code events} in this order with {@code transaction}, in one round trip; the result is their ids. */
    public Uni<List<UUID>> appendAll(SqlClient transaction, List<? extends SpecificRecord> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.createFrom().item(() -> {
                    String traceparent = Traceparent.current();
                    Instant now = Instant.now();
                    return events.stream().map(event -> OutboxEvent.of(event, encoder.encode(event), traceparent, now))
                            .toList();
                })
                .chain(rows -> transaction.preparedQuery(INSERT).executeBatch(rows.stream()
                                .map(row -> Tuple.from(Arrays.asList(row.id(), row.eventType(), row.messageKey(),
                                        row.tenantId(), Buffer.buffer(row.payload()), row.traceparent(),
                                        row.occurredAt().toEpochMilli())))
                                .toList())
                        .replaceWith(rows.stream().map(OutboxEvent::id).toList()));
    }
}
