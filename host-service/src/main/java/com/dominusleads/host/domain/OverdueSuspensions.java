package com.dominusleads.host.domain;

import com.dominusleads.host.persistence.SubscriptionStore;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Suspends tenants whose subscription stayed past due beyond the grace period ({@code dominus.host.billing.grace-period},
 * counted from the first failed payment). The suspension's reason is {@value PaymentStanding#OVERDUE_REASON}, which
 * the next paid invoice of the subscription lifts. Runs every {@code dominus.host.billing.overdue-check}.
 */
@ApplicationScoped
public class OverdueSuspensions {

    private static final Logger LOG = Logger.getLogger(OverdueSuspensions.class);
    private static final int BATCH = 100;

    private final TenantTransactions transactions;
    private final SubscriptionStore subscriptions;
    private final PaymentStanding standing;

    public OverdueSuspensions(TenantTransactions transactions, SubscriptionStore subscriptions,
                              PaymentStanding standing) {
        this.transactions = transactions;
        this.subscriptions = subscriptions;
        this.standing = standing;
    }

    @Scheduled(every = "${dominus.host.billing.overdue-check}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return suspendOverdue(Instant.now()).replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Suspending overdue tenants failed (%s); tried again at the next run", failure.toString());
                    return null;
                });
    }

    /** Suspends the active tenants whose grace ended by {@code now} (one batch); the ids of those suspended. */
    public Uni<List<String>> suspendOverdue(Instant now) {
        return transactions.acrossTenants(tx -> subscriptions.lockOverdueTenants(tx, now, BATCH)
                        .onItem().transformToMulti(tenants -> Multi.createFrom().iterable(tenants))
                        .onItem().transformToUniAndConcatenate(tenantId -> standing.suspendOverdue(tx, tenantId)
                                .map(suspended -> Map.entry(tenantId, suspended)))
                        .collect().asList()
                        .map(outcomes -> outcomes.stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList()))
                .invoke(suspended -> suspended.forEach(tenantId -> LOG.infof(
                        "Tenant %s suspended: its subscription payment is overdue past the grace period", tenantId)));
    }
}
