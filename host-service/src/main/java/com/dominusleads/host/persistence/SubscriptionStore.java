package com.dominusleads.host.persistence;

import com.dominusleads.host.domain.Subscription;
import com.dominusleads.host.domain.SubscriptionStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The tenants' subscriptions and their grace periods. */
@ApplicationScoped
public class SubscriptionStore {

    private static final String COLUMNS = """
            subscription_id, tenant_id, plan_code, status, current_period_end, past_due_since, grace_until, updated_at""";
    /*
     * Stripe does not promise event order: a state older than the one applied is ignored (last_event_at). An ended
     * subscription (CANCELED, INCOMPLETE_EXPIRED: the statuses that are not SubscriptionStatus.live()) never comes
     * back in Stripe, so an ending is applied whatever its time and an ended row is never changed again: a late or
     * reordered event cannot resurrect it. A payment ($9: invoice.paid) only brings an overdue or incomplete
     * subscription back to its new status; any other keeps its own (status comes from the subscription's events). An
     * overdue state keeps the grace period already running (a second failed attempt does not extend it); any other
     * state ends it. A row of another tenant is never taken over.
     */
    private static final String APPLY = """
            insert into subscription (subscription_id, tenant_id, plan_code, status, current_period_end,
                                      past_due_since, grace_until, last_event_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            on conflict (subscription_id) do update set
                plan_code = coalesce(excluded.plan_code, subscription.plan_code),
                status = case when $9 and subscription.status not in ('PAST_DUE', 'UNPAID', 'INCOMPLETE')
                              then subscription.status else excluded.status end,
                current_period_end = coalesce(excluded.current_period_end, subscription.current_period_end),
                past_due_since = case when excluded.past_due_since is null then null
                                      else coalesce(subscription.past_due_since, excluded.past_due_since) end,
                grace_until = case when excluded.grace_until is null then null
                                   else coalesce(subscription.grace_until, excluded.grace_until) end,
                last_event_at = greatest(subscription.last_event_at, excluded.last_event_at),
                updated_at = now()
            where subscription.tenant_id = excluded.tenant_id
              and subscription.status not in ('CANCELED', 'INCOMPLETE_EXPIRED')
              and (subscription.last_event_at is null or subscription.last_event_at <= excluded.last_event_at
                   or excluded.status in ('CANCELED', 'INCOMPLETE_EXPIRED'))
            returning\s""" + COLUMNS;
    private static final String FIND = "select " + COLUMNS + " from subscription where subscription_id = $1";
    private static final String OF_TENANT = "select " + COLUMNS
            + " from subscription where tenant_id = $1 order by created_at desc, subscription_id";
    // Locks the overdue rows until the suspensions commit: a payment applied meanwhile waits, then finds the tenant
    // suspended and reactivates it; a row a payment is being applied to is skipped (it may not be overdue any more).
    private static final String OVERDUE = """
            select s.subscription_id, s.tenant_id from subscription s join tenant t on t.tenant_id = s.tenant_id
            where s.status in ('PAST_DUE', 'UNPAID') and s.grace_until <= $1 and t.status = 'ACTIVE'
            order by s.grace_until limit $2
            for update of s skip locked""";

    /**
     * A subscription's state at {@code eventAt}. {@code payment}: the state a paid invoice implies, applied to an
     * overdue or incomplete subscription only (the status of any other stays as its own events left it).
     */
    public record State(String subscriptionId, String tenantId, String planCode, SubscriptionStatus status,
                        Instant currentPeriodEnd, Instant eventAt, boolean payment) {

        /** A state the subscription's own events (or a failed payment) report. */
        public State(String subscriptionId, String tenantId, String planCode, SubscriptionStatus status,
                     Instant currentPeriodEnd, Instant eventAt) {
            this(subscriptionId, tenantId, planCode, status, currentPeriodEnd, eventAt, false);
        }
    }

    /**
     * Applies {@code state}: what the row became, or empty when it was left as it was (a newer state was applied
     * before, the subscription has ended, or it is another tenant's). An overdue state starts (or keeps) a grace
     * period ending at {@code graceUntil}.
     */
    public Uni<Optional<Subscription>> apply(SqlClient tx, State state, Instant now, Instant graceUntil) {
        boolean overdue = state.status().overdue();
        return tx.preparedQuery(APPLY).execute(Tuple.from(Arrays.asList(state.subscriptionId(), state.tenantId(),
                        state.planCode(), state.status().name(), utc(state.currentPeriodEnd()),
                        overdue ? utc(now) : null, overdue ? utc(graceUntil) : null, utc(state.eventAt()),
                        state.payment())))
                .map(SubscriptionStore::first);
    }

    public Uni<Optional<Subscription>> find(SqlClient client, String subscriptionId) {
        return client.preparedQuery(FIND).execute(Tuple.of(subscriptionId)).map(SubscriptionStore::first);
    }

    /** The tenant's subscriptions, newest first. */
    public Uni<List<Subscription>> ofTenant(SqlClient client, String tenantId) {
        return client.preparedQuery(OF_TENANT).execute(Tuple.of(tenantId)).map(SubscriptionStore::all);
    }

    /** Active tenants with a subscription whose grace ended by {@code now}, the rows locked until the commit. */
    public Uni<List<String>> lockOverdueTenants(SqlClient tx, Instant now, int limit) {
        return tx.preparedQuery(OVERDUE).execute(Tuple.of(utc(now), limit)).map(rows -> {
            List<String> tenants = new ArrayList<>();
            rows.forEach(row -> {
                if (!tenants.contains(row.getString("tenant_id"))) {
                    tenants.add(row.getString("tenant_id"));
                }
            });
            return tenants;
        });
    }

    private static Optional<Subscription> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toSubscription(rows.iterator().next()));
    }

    private static List<Subscription> all(RowSet<Row> rows) {
        List<Subscription> subscriptions = new ArrayList<>();
        rows.forEach(row -> subscriptions.add(toSubscription(row)));
        return subscriptions;
    }

    private static Subscription toSubscription(Row row) {
        return new Subscription(row.getString("subscription_id"), row.getString("tenant_id"),
                row.getString("plan_code"), SubscriptionStatus.valueOf(row.getString("status")),
                instant(row, "current_period_end"), instant(row, "past_due_since"), instant(row, "grace_until"),
                instant(row, "updated_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
