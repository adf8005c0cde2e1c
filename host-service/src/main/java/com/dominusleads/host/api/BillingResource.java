package com.dominusleads.host.api;

import com.dominusleads.host.domain.Checkout;
import com.dominusleads.host.domain.CreditPack;
import com.dominusleads.host.domain.CreditPackCatalog;
import com.dominusleads.host.domain.Plan;
import com.dominusleads.host.domain.PlanCatalog;
import com.dominusleads.host.domain.Subscription;
import com.dominusleads.host.domain.TenantSubscriptions;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A tenant's own billing (self-service): what is on sale, its subscriptions, and — for its admins — Checkout and the
 * billing portal. The tenant is the caller's token's, never a parameter; a suspended tenant's users are refused by
 * {@link Caller} (its operator can still send it a Checkout link through the host endpoints).
 */
@Path("/api/host/billing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.TENANT_ADMIN)
public class BillingResource {

    public record Catalog(List<Plan> plans, List<CreditPack> creditPacks) {
    }

    public record SubscriptionList(List<Subscription> subscriptions) {
    }

    private final Caller caller;
    private final Checkout checkout;
    private final PlanCatalog plans;
    private final CreditPackCatalog packs;
    private final TenantSubscriptions subscriptions;

    public BillingResource(Caller caller, Checkout checkout, PlanCatalog plans, CreditPackCatalog packs,
                           TenantSubscriptions subscriptions) {
        this.caller = caller;
        this.checkout = checkout;
        this.plans = plans;
        this.packs = packs;
        this.subscriptions = subscriptions;
    }

    /** The plans and credit packs on sale. */
    @GET
    @Path("/catalog")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
    public Uni<Catalog> catalog() {
        caller.tenantId();
        return plans.list(true).chain(onSale -> packs.list(true).map(packsOnSale -> new Catalog(onSale, packsOnSale)));
    }

    @GET
    @Path("/subscriptions")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
    public Uni<SubscriptionList> subscriptions() {
        return subscriptions.of(caller.tenantId()).map(SubscriptionList::new);
    }

    @POST
    @Path("/checkout/subscription")
    public Uni<Response> subscriptionCheckout(@Valid @NotNull BillingRequests.SubscriptionCheckout request) {
        return checkout.subscription(caller.tenantId(), request.planCode(), request.successUrl(), request.cancelUrl())
                .map(TenantBillingResource::created);
    }

    @POST
    @Path("/checkout/credit-pack")
    public Uni<Response> creditPackCheckout(@Valid @NotNull BillingRequests.CreditPackCheckout request) {
        return checkout.creditPack(caller.tenantId(), request.packCode(), request.packs(), request.successUrl(),
                request.cancelUrl()).map(TenantBillingResource::created);
    }

    @POST
    @Path("/portal")
    public Uni<Response> portal(@Valid @NotNull BillingRequests.Portal request) {
        return checkout.portal(caller.tenantId(), request.returnUrl()).map(TenantBillingResource::created);
    }
}
