package com.dominusleads.testsupport;

import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

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
}
