package com.dominusleads.host.api;

import com.dominusleads.host.client.LedgerBalances;
import com.dominusleads.host.client.StripeApi;
import com.dominusleads.host.domain.Checkout;
import com.dominusleads.host.domain.Subscription;
import com.dominusleads.host.domain.TenantLifecycle;
import com.dominusleads.host.domain.TenantSubscriptions;
import com.dominusleads.host.domain.TenantUsage;
import com.dominusleads.host.domain.UsageReport;
import com.dominusleads.servicekit.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A host operator's view of one tenant's billing: starting a Checkout or opening the billing portal on the tenant's
 * behalf (the operator sends the link), its subscriptions, and its usage with the ledger balance. Operators act across
 * tenants, so the tenant is named in the path here; tenants themselves use {@code /api/host/billing} and
 * {@code /api/host/usage}.
 */
@Path("/api/host/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.HOST_ADMIN)
public class TenantBillingResource {

    public record SubscriptionList(List<Subscription> subscriptions) {
    }

    private final Checkout checkout;
    private final TenantSubscriptions subscriptions;
    private final TenantUsage usage;
    private final TenantLifecycle lifecycle;
    private final LedgerBalances balances;

    public TenantBillingResource(Checkout checkout, TenantSubscriptions subscriptions, TenantUsage usage,
                                 TenantLifecycle lifecycle, LedgerBalances balances) {
        this.checkout = checkout;
        this.subscriptions = subscriptions;
        this.usage = usage;
        this.lifecycle = lifecycle;
        this.balances = balances;
    }

    @POST
    @Path("/{tenantId}/checkout/subscription")
    public Uni<Response> subscriptionCheckout(@PathParam("tenantId") @Pattern(regexp = TenantsResource.TENANT_ID)
                                              String tenantId,
                                              @Valid @NotNull BillingRequests.SubscriptionCheckout request) {
        return checkout.subscription(tenantId, request.planCode(), request.successUrl(), request.cancelUrl())
                .map(TenantBillingResource::created);
    }

    @POST
    @Path("/{tenantId}/checkout/credit-pack")
    public Uni<Response> creditPackCheckout(@PathParam("tenantId") @Pattern(regexp = TenantsResource.TENANT_ID)
                                            String tenantId,
                                            @Valid @NotNull BillingRequests.CreditPackCheckout request) {
        return checkout.creditPack(tenantId, request.packCode(), request.packs(), request.successUrl(),
                request.cancelUrl()).map(TenantBillingResource::created);
    }

    @POST
    @Path("/{tenantId}/billing-portal")
    public Uni<Response> portal(@PathParam("tenantId") @Pattern(regexp = TenantsResource.TENANT_ID) String tenantId,
                                @Valid @NotNull BillingRequests.Portal request) {
        return checkout.portal(tenantId, request.returnUrl()).map(TenantBillingResource::created);
    }

    @GET
    @Path("/{tenantId}/subscriptions")
    public Uni<SubscriptionList> subscriptions(@PathParam("tenantId") @Pattern(regexp = TenantsResource.TENANT_ID)
                                               String tenantId) {
        return lifecycle.find(tenantId).chain(() -> subscriptions.of(tenantId)).map(SubscriptionList::new);
    }

    /** Credits consumed per São Paulo day from {@code from} to {@code to} (ISO dates; default: this month). */
    @GET
    @Path("/{tenantId}/usage")
    public Uni<UsageReport> usage(@PathParam("tenantId") @Pattern(regexp = TenantsResource.TENANT_ID) String tenantId,
                                  @QueryParam("from") String from, @QueryParam("to") String to) {
        UsagePeriod period = UsagePeriod.of(from, to);
        Uni<LedgerBalances.Reading> balance = balances.ofTenant(tenantId);
        return lifecycle.find(tenantId).chain(() -> usage.report(tenantId, period.from(), period.to(), balance));
    }

    /** The Stripe page to send the customer to; 201 as a new session exists at Stripe. */
    static Response created(StripeApi.HostedPage page) {
        return Response.status(201).entity(page).build();
    }
}
