package com.dominusleads.servicekit.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** The effect of one event, applied with the transaction that also records the event as processed. */
@FunctionalInterface
public interface EventHandler<T> {

    Uni<Void> apply(SqlConnection transaction, IncomingEvent<T> event);
}
