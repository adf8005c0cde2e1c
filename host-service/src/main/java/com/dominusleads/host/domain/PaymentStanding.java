package com.dominusleads.host.domain;

import com.dominusleads.host.messaging.TenantEvents;
import com.dominusleads.host.persistence.TenantStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What payments do to a tenant: suspension when a payment stays overdue past its grace period, reactivation and the
 * subscribed plan when one is paid. The changes are {@link TenantLifecycle}'s (same store operations, same
 * {@code tenant.updated}), made inside the caller's transaction: a payment's effect on the tenant then commits with
 * the Stripe event that caused it (once, or not at all), and a suspension with the lock on the overdue subscription
 * (a payment arriving meanwhile waits for it, then lifts it).
 */
@ApplicationScoped
public class PaymentStanding {

    /** The {@code status_reason} of a suspension for non-payment: the only suspension a payment lifts. */
    public static final String OVERDUE_REASON = "payment_overdue";

    private final TenantStore store;
    private final TenantEvents events;

    public PaymentStanding(TenantStore store, TenantEvents events) {
        this.store = store;
        this.events = events;
    }

    /**
     * A subscription of the tenant is paid up: the tenant moves to {@code planCode} (null: stays) and, if it was
     * suspended for non-payment, becomes active again. A suspension by an operator stays. Returns what changed.
     */
    public Uni<List<String>> paid(SqlConnection tx, String tenantId, String planCode) {
        return store.find(tx, tenantId).chain(found -> {
            List<String> changes = new ArrayList<>();
            if (found.isEmpty() || !List.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED)
                    .contains(found.get().status())) {
                return Uni.createFrom().item(changes);
            }
            Tenant tenant = found.get();
            Uni<Optional<Tenant>> planned = Uni.createFrom().item(Optional.of(tenant));
            if (planCode != null && !planCode.equals(tenant.planCode())) {
                changes.add("tenant moved to plan " + planCode);
                planned = store.rename(tx, tenantId, null, planCode);
            }
            return planned.chain(afterPlan -> {
                Tenant current = afterPlan.orElseThrow();
                if (current.status() == TenantStatus.SUSPENDED && OVERDUE_REASON.equals(current.statusReason())) {
                    changes.add("tenant reactivated");
                    return store.changeStatus(tx, tenantId, List.of(TenantStatus.SUSPENDED), TenantStatus.ACTIVE,
                            null, null, null);
                }
                return Uni.createFrom().item(afterPlan);
            }).chain(changed -> changes.isEmpty() ? Uni.createFrom().item(changes)
                    : events.updated(tx, changed.orElseThrow()).replaceWith(changes));
        });
    }

    /** Suspends an active tenant for non-payment; false when it was not active (nothing changed). */
    public Uni<Boolean> suspendOverdue(SqlConnection tx, String tenantId) {
        return store.changeStatus(tx, tenantId, List.of(TenantStatus.ACTIVE), TenantStatus.SUSPENDED, OVERDUE_REASON,
                        null, null)
                .call(suspended -> suspended.map(tenant -> events.updated(tx, tenant))
                        .orElse(Uni.createFrom().voidItem()))
                .map(Optional::isPresent);
    }
}
