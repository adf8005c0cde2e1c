package com.dominusleads.host.domain;

import com.dominusleads.host.client.StripeApi;
import com.dominusleads.host.persistence.CreditPackStore;
import com.dominusleads.host.persistence.PlanStore;
import com.dominusleads.host.persistence.StripeCustomerStore;
import com.dominusleads.host.persistence.SubscriptionStore;
import com.dominusleads.host.persistence.TenantStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Sends a tenant to Stripe to pay: a Checkout Session for a plan subscription or for credit packs, or the billing
 * portal where the tenant manages its subscription and cards. Nothing changes here when a session is created; what was
 * paid arrives later as webhooks ({@link StripeEventIntake}). Every object carries the tenant id in its metadata, as
 * a cross-check for those webhooks (the tenant itself is found from the customer).
 */
@ApplicationScoped
public class Checkout {

    private static final List<TenantStatus> BILLABLE = List.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED);

    private final TenantTransactions transactions;
    private final TenantStore tenants;
    private final PlanStore plans;
    private final CreditPackStore packs;
    private final SubscriptionStore subscriptions;
    private final StripeCustomerStore customerStore;
    private final StripeCustomers customers;
    private final StripeApi stripe;

    public Checkout(TenantTransactions transactions, TenantStore tenants, PlanStore plans, CreditPackStore packs,
                    SubscriptionStore subscriptions, StripeCustomerStore customerStore, StripeCustomers customers,
                    StripeApi stripe) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.plans = plans;
        this.packs = packs;
        this.subscriptions = subscriptions;
        this.customerStore = customerStore;
        this.customers = customers;
        this.stripe = stripe;
    }

    /**
     * Checkout for a monthly subscription to an active plan. A tenant that has a live subscription changes or cancels
     * it in the billing portal instead (409): two subscriptions would bill and credit it twice.
     */
    public Uni<StripeApi.HostedPage> subscription(String tenantId, String planCode, String successUrl,
                                                  String cancelUrl) {
        return transactions.forTenant(tenantId, tx -> billable(tx, tenantId).call(() -> noLiveSubscription(tx, tenantId))
                        .chain(tenant -> plans.find(tx, planCode).map(plan -> {
                            Plan found = plan.orElseThrow(() -> PlanCatalog.notFound(planCode));
                            if (!found.active()) {
                                throw ApiException.conflict("plan_inactive", "Plan '" + planCode
                                        + "' is no longer sold: choose an active plan.");
                            }
                            return Map.entry(tenant, found);
                        })))
                .chain(chosen -> customers.of(chosen.getKey()).chain(customer -> stripe.subscriptionCheckout(
                        new StripeApi.Purchase(tenantId, customer, chosen.getValue().stripePriceId(), 1,
                                PlanCatalog.PLAN_METADATA, planCode, successUrl, cancelUrl))));
    }

    /** Checkout paying once for {@code quantity} of an active credit pack; the credits come with invoice.paid. */
    public Uni<StripeApi.HostedPage> creditPack(String tenantId, String packCode, int quantity, String successUrl,
                                                String cancelUrl) {
        return transactions.forTenant(tenantId, tx -> billable(tx, tenantId)
                        .chain(tenant -> packs.find(tx, packCode).map(pack -> {
                            CreditPack found = pack.orElseThrow(() -> CreditPackCatalog.notFound(packCode));
                            if (!found.active()) {
                                throw ApiException.conflict("credit_pack_inactive", "Credit pack '" + packCode
                                        + "' is no longer sold: choose an active pack.");
                            }
                            return Map.entry(tenant, found);
                        })))
                .chain(chosen -> customers.of(chosen.getKey()).chain(customer -> stripe.creditPackCheckout(
                        new StripeApi.Purchase(tenantId, customer, chosen.getValue().stripePriceId(), quantity,
                                CreditPackCatalog.PACK_METADATA, packCode, successUrl, cancelUrl))));
    }

    /** The billing portal of a tenant that bought something before (it has nothing to manage otherwise: 409). */
    public Uni<StripeApi.HostedPage> portal(String tenantId, String returnUrl) {
        return transactions.forTenant(tenantId, tx -> tenants.find(tx, tenantId)
                        .map(tenant -> tenant.orElseThrow(() -> TenantLifecycle.notFound(tenantId)))
                        .chain(() -> customerStore.customerOf(tx, tenantId)))
                .chain(customer -> stripe.portal(customer.orElseThrow(() -> ApiException.conflict("no_billing_account",
                        "Tenant '" + tenantId + "' has never been to Checkout, so it has no billing account to manage"
                                + " yet: subscribe to a plan or buy credits first.")), returnUrl));
    }

    private Uni<Tenant> billable(SqlConnection tx, String tenantId) {
        return tenants.find(tx, tenantId).map(found -> {
            Tenant tenant = found.orElseThrow(() -> TenantLifecycle.notFound(tenantId));
            if (!BILLABLE.contains(tenant.status())) {
                throw ApiException.conflict("tenant_not_billable", "Tenant '" + tenantId + "' is " + tenant.status()
                        + ": only an active or suspended tenant can pay.");
            }
            return tenant;
        });
    }

    private Uni<Void> noLiveSubscription(SqlConnection tx, String tenantId) {
        return subscriptions.ofTenant(tx, tenantId).map(all -> {
            all.stream().filter(subscription -> subscription.status().live()).findFirst().ifPresent(live -> {
                throw new ApiException(409, "subscription_exists", "Tenant '" + tenantId + "' already has subscription "
                        + live.subscriptionId() + " (" + live.status() + "): change or cancel it in the billing portal.",
                        Map.of("subscriptionId", live.subscriptionId()));
            });
            return null;
        });
    }
}
