package com.dominusleads.servicekit.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The effect of a batch of events (first deliveries, valid, in partition order), applied with the transaction that
 * also records them as processed. A handler that can group work (one lock and one multi-row insert per tenant, say)
 * implements this directly; one that cannot uses {@link #eachInOrder}.
 */
@FunctionalInterface
public interface EventHandler<T> {

    Uni<Void> apply(SqlConnection transaction, List<IncomingEvent<T>> events);

    /** A handler that applies the events one after the other. */
    static <T> EventHandler<T> eachInOrder(BiFunction<SqlConnection, IncomingEvent<T>, Uni<Void>> each) {
        return (transaction, events) -> Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> each.apply(transaction, event))
                .collect().last().replaceWithVoid();
    }
}
