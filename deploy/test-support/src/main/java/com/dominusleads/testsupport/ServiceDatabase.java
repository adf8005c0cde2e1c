package com.dominusleads.testsupport;

import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

/** A service's own database as its tests read and drive it: counts, transactions, the consumer's memory. */
public final class ServiceDatabase {

    public static final Duration QUERY = Duration.ofSeconds(30);

    private final Pool pool;

    public ServiceDatabase(Pool pool) {
        this.pool = pool;
    }

    /** A tenant id no other test uses (tests share one database per JVM). */
    public static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The first column of the first row of {@code sql}, a count, over every tenant's rows. */
    public long count(String sql, Object... args) {
        return query(sql, args).iterator().next().getLong(0);
    }

    /** The rows of {@code sql}, read across tenants (as an operator would, past row-level security). */
    public RowSet<Row> query(String sql, Object... args) {
        return inTransaction(tx -> tx.preparedQuery(sql).execute(Tuple.from(args)));
    }

    /** Runs {@code work} in a transaction that sees every tenant's rows. */
    public <T> T inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(tx -> TenantTransactions.enterAllTenants(tx).chain(() -> work.apply(tx)))
                .await().atMost(QUERY);
    }

    /** Runs {@code work} in a transaction scoped to {@code tenantId}, as a request of that tenant is. */
    public <T> T inTenant(String tenantId, Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(tx -> TenantTransactions.enterTenant(tx, tenantId).chain(() -> work.apply(tx)))
                .await().atMost(QUERY);
    }

    /** True once a consumer has committed the event (its effect, if any, is committed with it). */
    public boolean processed(UUID eventId) {
        return count("select count(*) from processed_event where event_id = $1", eventId) == 1;
    }

    /**
     * The events of a type written to the outbox for a tenant, oldest first, decoded generically with the event
     * class's schema: the generated classes may live in another class loader than Avro inside a Quarkus test, so none
     * of their instances is made.
     */
    public List<GenericRecord> outboxEvents(String type, String tenantId, Class<?> eventClass) {
        Schema schema;
        try {
            schema = new Schema.Parser().parse(eventClass.getField("SCHEMA$").get(null).toString());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema);
        List<GenericRecord> events = new ArrayList<>();
        for (Row row : query("select payload from outbox where event_type = $1 and tenant_id = $2"
                + " order by occurred_at, id", type, tenantId)) {
            byte[] payload = row.getBuffer(0).getBytes();
            // Apicurio wire format: magic byte 0, 4-byte content id, then the Avro binary.
            try {
                events.add(reader.read(null, DecoderFactory.get().binaryDecoder(payload, 5, payload.length - 5, null)));
            } catch (IOException e) {
                throw new IllegalStateException("outbox payload of " + type + " does not decode", e);
            }
        }
        return events;
    }
}
