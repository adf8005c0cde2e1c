package com.dominusleads.host.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Stripe events received, each recorded in the transaction of its effects: Stripe delivers at least once (and
 * anyone may replay a signed event within the tolerance), so an id already here means "done, change nothing".
 */
@ApplicationScoped
public class StripeEventStore {

    private static final String RECORD = """
            insert into stripe_event (event_id, type, outcome) values ($1, $2, 'processing')
            on conflict (event_id) do nothing returning event_id""";
    private static final String SEEN = "select exists (select 1 from stripe_event where event_id = $1)";
    private static final String OUTCOME = "update stripe_event set tenant_id = $2, outcome = $3 where event_id = $1";

    /** True when the event is new (and now recorded); false when it was processed before. */
    public Uni<Boolean> recordFirst(SqlClient tx, String eventId, String type) {
        return tx.preparedQuery(RECORD).execute(Tuple.of(eventId, type)).map(rows -> rows.size() == 1);
    }

    /** Whether the event was processed before (a cheap check before calling Stripe back for it). */
    public Uni<Boolean> seen(SqlClient client, String eventId) {
        return client.preparedQuery(SEEN).execute(Tuple.of(eventId)).map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** What processing the event did (or why it did nothing), and the tenant it concerned, if one was found. */
    public Uni<Void> outcome(SqlClient tx, String eventId, String tenantId, String outcome) {
        return tx.preparedQuery(OUTCOME).execute(Tuple.of(eventId, tenantId, outcome)).replaceWithVoid();
    }
}
