package com.dominusleads.host.domain;

import com.dominusleads.host.persistence.SubscriptionStore;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A tenant's subscriptions as billing knows them (status, plan, period, grace), newest first. */
@ApplicationScoped
public class TenantSubscriptions {

    private final TenantTransactions transactions;
    private final SubscriptionStore store;

    public TenantSubscriptions(TenantTransactions transactions, SubscriptionStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    public Uni<List<Subscription>> of(String tenantId) {
        return transactions.forTenant(tenantId, tx -> store.ofTenant(tx, tenantId));
    }
}
