package com.dominusleads.servicekit.messaging;

import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Applies events at most once although Kafka delivers them at least once (DESIGN §3): a batch is applied in one
 * transaction that also records every event id in {@code processed_event}; an id already there (a redelivery after a
 * crash or a rebalance, or a duplicate) is acknowledged and changes nothing.
 * <p>
 * Two consumers handed the same records during a rebalance are serialised by the primary key: the second waits on the
 * first's insert of the same id, then finds it and skips the event. A failed transaction (database restarting,
 * deadlock) is retried with back-off and never skipped, so events keep their partition order and none is lost.
 * <p>
 * A batch may hold several tenants' events, each naming its tenant: the transaction is opened across tenants
 * ({@link TenantTransactions#acrossTenants}) and the handler keys every row it writes with the event's tenant.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    static final String RECORD_PROCESSED = """
            insert into processed_event (event_id, topic)
            select id, $2 from unnest($1::uuid[]) as id
            on conflict (event_id) do nothing
            returning event_id""";
    static final String QUARANTINE = """
            insert into quarantined_event (event_id, topic, kafka_partition, kafka_offset, reason)
            values ($1, $2, $3, $4, $5) on conflict (event_id) do nothing""";

    private final TenantTransactions transactions;

    public IdempotentConsumer(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Applies, in order and in one transaction, each event of {@code batch} that was not processed before. */
    public <T> Uni<Void> consume(List<IncomingEvent<T>> batch, EventHandler<T> handler) {
        return consume(batch, payload -> null, handler);
    }

    /**
     * As {@link #consume(List, EventHandler)}, but an event for which {@code problem} names a problem (a value the
     * schema allows but the business cannot apply) is quarantined with that reason instead of applied: retrying it
     * could never succeed and would stop its partition.
     * <p>
     * A failure that may pass (the database restarting, a deadlock, a lost connection) retries the batch with
     * back-off, for as long as it takes. A failure that cannot (a constraint the event breaks, a rule of the code)
     * is narrowed down: the batch is applied again one event per transaction, and the event that still fails is
     * quarantined with the error, so the others go through.
     */
    public <T> Uni<Void> consume(List<IncomingEvent<T>> batch, Function<T, String> problem, EventHandler<T> handler) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return transactions.acrossTenants(tx -> apply(tx, batch, problem, handler))
                .onFailure(failure -> !isDeterministic(failure)).invoke(failure -> LOG.warnf(
                        "Applying %d event(s) of %s failed (%s); retrying", batch.size(), batch.get(0).topic(), failure))
                .onFailure(failure -> !isDeterministic(failure))
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely()
                .onFailure().recoverWithUni(failure -> batch.size() == 1
                        ? transactions.acrossTenants(tx -> firstDeliveries(tx, batch).chain(fresh -> fresh.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : quarantine(tx, batch.get(0), "could not be applied: " + failure)))
                                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely()
                        : Multi.createFrom().iterable(batch)
                                .onItem().transformToUniAndConcatenate(event -> consume(List.of(event), problem, handler))
                                .collect().last().replaceWithVoid());
    }

    private static <T> Uni<Void> apply(SqlConnection tx, List<IncomingEvent<T>> batch, Function<T, String> problem,
                                       EventHandler<T> handler) {
        return firstDeliveries(tx, batch).chain(fresh -> {
            List<IncomingEvent<T>> valid = new ArrayList<>();
            Uni<Void> quarantined = Uni.createFrom().voidItem();
            for (IncomingEvent<T> event : batch) {
                if (!fresh.remove(event.id())) {
                    continue;  // processed before, or a second copy within this batch
                }
                String reason = event.undecodable() ? "payload could not be decoded with the registered schemas"
                        : problem.apply(event.payload());
                if (reason == null) {
                    valid.add(event);
                } else {
                    quarantined = quarantined.chain(() -> quarantine(tx, event, reason));
                }
            }
            return quarantined.chain(() -> valid.isEmpty() ? Uni.createFrom().voidItem() : handler.apply(tx, valid));
        });
    }

    /**
     * A failure that will happen again however often the same events are applied: the database refusing the data
     * (SQLSTATE classes 22 and 23) or the code's own rules. Anything else (connections, deadlocks, timeouts) may pass.
     */
    static boolean isDeterministic(Throwable failure) {
        if (failure instanceof PgException database) {
            String state = database.getSqlState();
            return state != null && (state.startsWith("22") || state.startsWith("23"));
        }
        return failure instanceof IllegalArgumentException || failure instanceof IllegalStateException
                || failure instanceof NullPointerException || failure instanceof ClassCastException;
    }

    private static <T> Uni<Set<UUID>> firstDeliveries(SqlConnection tx, List<IncomingEvent<T>> batch) {
        UUID[] ids = batch.stream().map(IncomingEvent::id).toArray(UUID[]::new);
        return tx.preparedQuery(RECORD_PROCESSED).execute(Tuple.of(ids, batch.get(0).topic()))
                .map(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    for (Row row : rows) {
                        fresh.add(row.getUUID(0));
                    }
                    return fresh;
                });
    }

    private static <T> Uni<Void> quarantine(SqlConnection tx, IncomingEvent<T> event, String reason) {
        LOG.errorf("Quarantined event %s at %s-%d@%d: %s (kept in table quarantined_event)",
                event.id(), event.topic(), event.partition(), event.offset(), reason);
        return tx.preparedQuery(QUARANTINE).execute(Tuple.of(event.id(), event.topic(), event.partition(),
                        event.offset(), reason))
                .replaceWithVoid();
    }
}
