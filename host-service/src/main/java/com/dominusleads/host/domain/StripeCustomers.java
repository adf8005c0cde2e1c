package com.dominusleads.host.domain;

import com.dominusleads.host.client.StripeApi;
import com.dominusleads.host.persistence.StripeCustomerStore;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Each tenant is one Stripe customer, created at its first checkout and remembered: every purchase and subscription
 * of the tenant is billed to it, and webhooks find the tenant through it.
 */
@ApplicationScoped
public class StripeCustomers {

    private final TenantTransactions transactions;
    private final StripeCustomerStore store;
    private final StripeApi stripe;

    public StripeCustomers(TenantTransactions transactions, StripeCustomerStore store, StripeApi stripe) {
        this.transactions = transactions;
        this.store = store;
        this.stripe = stripe;
    }

    /** The tenant's customer id, created in Stripe (with the tenant id in its metadata) if it has none yet. */
    public Uni<String> of(Tenant tenant) {
        String tenantId = tenant.tenantId();
        return transactions.forTenant(tenantId, tx -> store.customerOf(tx, tenantId)).chain(known -> known.isPresent()
                ? Uni.createFrom().item(known.get())
                : stripe.createCustomer(tenantId, tenant.displayName(), tenant.admin().email())
                        .chain(created -> transactions.forTenant(tenantId, tx -> store.remember(tx, tenantId, created))));
    }
}
