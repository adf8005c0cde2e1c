package com.dominusleads.host.domain;

import com.dominusleads.host.client.StripeApi;
import com.dominusleads.host.messaging.TenantEvents;
import com.dominusleads.host.persistence.PlanStore;
import com.dominusleads.host.persistence.TenantStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plans the host sells. Creating one creates its Stripe product and monthly price first (idempotency keys
 * {@code plan-<code>-product} and {@code plan-<code>-price}, so a creation cut short is finished by repeating it), then
 * stores it with their ids. The price is fixed for life: a new price is a new plan, so no subscriber's price ever
 * changes underneath. Name, monthly credits and limits may change; a new API rate reaches the plan's tenants as
 * {@code tenant.updated} (services enforce it from there).
 */
@ApplicationScoped
public class PlanCatalog {

    static final String PLAN_METADATA = "plan_code";
    private static final String TENANTS_ON_PLAN = "select tenant_id from tenant where plan_code = $1"
            + " and status <> 'CLOSED' order by tenant_id";

    private final TenantTransactions transactions;
    private final PlanStore plans;
    private final TenantStore tenants;
    private final TenantEvents tenantEvents;
    private final StripeApi stripe;

    public PlanCatalog(TenantTransactions transactions, PlanStore plans, TenantStore tenants, TenantEvents tenantEvents,
                       StripeApi stripe) {
        this.transactions = transactions;
        this.plans = plans;
        this.tenants = tenants;
        this.tenantEvents = tenantEvents;
        this.stripe = stripe;
    }

    /** Creates the plan, or answers it unchanged when it exists with this very definition (a repeated request). */
    public Uni<CatalogCreation<Plan>> create(NewPlan plan) {
        return find(plan.code()).chain(existing -> {
            if (existing.isPresent()) {
                return Uni.createFrom().item(repeated(existing.get(), plan));
            }
            return stripe.createMonthlyPrice("plan-" + plan.code(), plan.name(), plan.priceCents(), plan.currency(),
                            Map.of(PLAN_METADATA, plan.code(), "credits", Long.toString(plan.monthlyCredits())))
                    .chain(price -> transactions.acrossTenants(tx -> plans.insert(tx, plan, price.productId(),
                            price.priceId())))
                    .chain(inserted -> inserted.isPresent()
                            ? Uni.createFrom().item(new CatalogCreation<>(inserted.get(), true))
                            : find(plan.code()).map(raced -> repeated(raced.orElseThrow(), plan)));
        });
    }

    private static CatalogCreation<Plan> repeated(Plan existing, NewPlan plan) {
        if (!existing.sameAs(plan)) {
            throw ApiException.conflict("plan_exists", "Plan '" + plan.code() + "' already exists with other values:"
                    + " change it with PATCH (name, credits, limits), or create a plan with another code for a new"
                    + " price.");
        }
        return new CatalogCreation<>(existing, false);
    }

    public Uni<List<Plan>> list(Boolean active) {
        return transactions.acrossTenants(tx -> plans.list(tx, active));
    }

    public Uni<Plan> get(String code) {
        return find(code).map(plan -> plan.orElseThrow(() -> notFound(code)));
    }

    private Uni<Optional<Plan>> find(String code) {
        return transactions.acrossTenants(tx -> plans.find(tx, code));
    }

    /**
     * Renames the plan and/or changes its monthly credits or limits (null: unchanged). The Stripe product keeps the
     * name it was created with (Checkout shows it); the credits apply from the next paid invoice.
     */
    public Uni<Plan> update(String code, String name, Long monthlyCredits, Plan.Limits limits) {
        return transactions.acrossTenants(tx -> plans.find(tx, code).chain(before -> {
            Plan old = before.orElseThrow(() -> notFound(code));
            return plans.update(tx, code, name, monthlyCredits, limits).map(Optional::orElseThrow)
                    .call(updated -> updated.limits().apiRatePerSecond() == old.limits().apiRatePerSecond()
                            ? Uni.createFrom().voidItem() : announceToTenants(tx, code));
        }));
    }

    /** Every open tenant on the plan gets a {@code tenant.updated} carrying the new API rate. */
    private Uni<Void> announceToTenants(SqlConnection tx, String code) {
        return tx.preparedQuery(TENANTS_ON_PLAN).execute(Tuple.of(code))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(row -> tenants.rename(tx, row.getString(0), null, null)
                        .chain(tenant -> tenant.map(t -> tenantEvents.updated(tx, t))
                                .orElse(Uni.createFrom().voidItem())))
                .collect().last().replaceWithVoid();
    }

    /** Stops or resumes selling the plan; its subscribers keep it either way. */
    public Uni<Plan> setActive(String code, boolean active) {
        return transactions.acrossTenants(tx -> plans.setActive(tx, code, active))
                .map(plan -> plan.orElseThrow(() -> notFound(code)));
    }

    static ApiException notFound(String code) {
        return ApiException.notFound("plan_not_found", "No plan '" + code + "'.");
    }
}
